/**
 * Sift's insult lexicon, as data: written for this project (not taken from any data set), graded by severity and
 * grouped by kind. No code here: lexicon-entries.ts turns these tables into entries and lexicon-index.ts builds the
 * look-ups the rule uses.
 *
 * Terms are folded (lower case, no accents, no apostrophes). Inflections (plural -s/-es, -ing/-in, spelling slips
 * like "hypocrits") are matched through the stemmer, so list the base form. A term may hold a slot, `{a|b|c}`: one
 * position that takes any of the listed words, in that order ("lost {his|her} mind" stands for "lost his mind" and
 * "lost her mind"; an alternative may hold more than one word: "look {who is|whos} talking"). Slots are for the
 * built-in lexicon only; an admin's extra term is read as written.
 *
 * Part of speech decides how much context a term needs:
 * - `n` a noun for a person ("idiot"): insulting when aimed at someone, a weak signal on its own;
 * - `a` an adjective for a person ("stupid"): only counts when predicated of a person, not of a thing ("stupid idea");
 * - `p` a directed phrase that targets by itself ("shut up", "shame on you", "f*** you");
 * - `q` a quality noun ("stupidity"): counts when someone is said to have it ("your stupidity");
 * - `x` untargeted profanity ("shit"): not an insult unless the rule's config says so, or it is aimed at someone.
 */
import { TUNE } from './tuning.js';

export type InsultKind = 'intellect' | 'character' | 'appearance' | 'dehumanising' | 'slur' | 'profanity';
export type InsultPos = 'n' | 'a' | 'p' | 'q' | 'x';
export type Severity = 1 | 2 | 3;

/** One term of the lexicon, as the rule reads it. */
export interface LexiconEntry {
  /** Folded; the words of a phrase separated by single spaces ("shut up"). */
  term: string;
  kind: InsultKind;
  severity: Severity;
  pos: InsultPos;
  // Context fields: when the term is not what it seems. Absent on most entries.
  /** Only when written in capitals ("SOB", not "sob"). Built-in entries listed in UPPER_ONLY. */
  upperOnly?: boolean;
  /** An everyday word too ("tool", "snake", "joke"): counts only when plainly aimed at someone. Built-in entries
   * listed in AMBIGUOUS. */
  ambiguous?: boolean;
  /** Words that, right after a phrase, make it something else: "suck it up" (endure) is not "suck it". From USAGE. */
  notBefore?: readonly string[];
  /** A swear word that, after "you", modifies the noun that follows ("you fucking idiot") rather than being a verb
   * ("you screwed …"). From USAGE. */
  modifier?: boolean;
}

/** What USAGE may say of a term: how the word behaves in a sentence, whatever its grade. */
export type Usage = Pick<LexiconEntry, 'notBefore' | 'modifier'>;

/**
 * How some terms behave in a sentence, by term. It applies to every entry of that term: the built-in ones and an
 * admin's extra term of the same spelling (a word's grammar does not change with its grade).
 */
export const USAGE: Readonly<Record<string, Usage>> = {
  'suck it': { notBefore: ['up'] }, // "suck it up and pack a coat": to endure
  fucking: { modifier: true }, // "you fucking idiot": the swear word qualifies "idiot"
  fuckin: { modifier: true },
};

/** Nouns with an everyday meaning: they count only right after "you are", "you", "what a" and the like. */
export const AMBIGUOUS =
  'tool snake virus dog sow rat pig hog joke brute clown child kid kiddo failure nut disgrace fake cow witch ' +
  'terrorist criminal murderer animal beast sheep monkey donkey mule drone robot zombie bug insect cancer disease ' +
  'plague trash garbage rubbish amateur hack puppet troll punk bum cripple midget tramp nag worm slug leech ' +
  'savage barbarian dick cock balls ass butcher thief gangster mobster tyrant dictator nazi fascist commie ' +
  'embarrassment lice louse roach hyena jackal vulture rodent cur slime filth spook jap slant mong homo weasel ' +
  'skunk snowflake fanboy fangirl basket_case villain rascal hustler dope dummy goof sheeple noob newb ' +
  'cuck soyboy incel bimbo dotard deplorable cracker nerd quack pussy nobody a_hole apologist propagandist stooge ' +
  'shill crook fraud phony phoney hater bully brat shrew hag sucker chump dumbbell muppet caveman minion lapdog ' +
  'rube hick redneck hillbilly neanderthal wimp sissy pansy';

/** Terms that count only in capitals: lower-case "sob" is crying. */
export const UPPER_ONLY = 'sob';

/**
 * The graded terms: kind → severity → part of speech → space-separated terms. In a term, `_` joins the words of a
 * phrase ("piece_of_shit") and `{a|b}` is a slot (see the top of this file). Order matters where two entries could
 * read the same word: the first listed wins a tie (see lexicon-index.ts).
 */
export const LEXICON: Record<InsultKind, Partial<Record<Severity, Partial<Record<InsultPos, string>>>>> = {
  intellect: {
    1: {
      a: 'naive clueless silly foolish dense dim gullible ignorant uneducated uninformed illiterate thick dopey daft ' +
        'dumber slow_witted small_minded narrow_minded closed_minded simple_minded feeble_minded brainwashed deluded ' +
        'delusional misinformed irrational incompetent inept mental gormless vapid senile demented asinine ' +
        'dimwitted pig_ignorant',
      n: 'fool sheep sheeple dope clown buffoon twit nitwit dork dweeb goof goofball noob newb amateur child kiddo ' +
        'bozo chump sucker dullard dunderhead dingus dumbbell pillock plonker prat numpty berk muppet twerp ' +
        'know_it_all mouth_breather knuckle_dragger neanderthal caveman hillbilly redneck hick yokel rube',
      q: 'stupidity idiocy ignorance imbecility foolishness lunacy cluelessness dumbness mental_{issues|problems}',
    },
    2: {
      a: 'stupid dumb idiotic moronic brainless mindless retarded imbecilic witless dimwitted halfwitted thickheaded ' +
        'pea_brained dumbest stupidest',
      n: 'idiot moron imbecile cretin dunce dimwit halfwit dolt simpleton ignoramus airhead bonehead knucklehead ' +
        'meathead pinhead blockhead numbskull numbnuts nincompoop dumbo dummy dumbass dumdum dingbat dipstick ' +
        'lamebrain birdbrain dumb_ass stupid_ass dikhead dunce_cap fuckwit halfwitted cretinous inbred',
    },
  },
  character: {
    1: {
      a: 'dishonest hypocritical arrogant smug pompous childish immature petty spineless gutless shameless cowardly ' +
        'sleazy sneaky crooked corrupt lazy pathetic sad miserable bitter whiny annoying obnoxious insufferable ' +
        'clownish nasty rude creepy paranoid crazy nuts nutty insane unhinged loony deranged hysterical bigoted ' +
        'racist sexist hateful greedy lying weak deplorable disgraceful shameful treasonous traitorous unfit ' +
        'antisemitic homophobic sniveling snivelling craven deceitful treacherous psychotic two_faced ' +
        'classless talentless soulless',
      n: 'ass cuck soyboy incel bimbo dotard deplorable nerd quack joke disgrace embarrassment failure nut liar hypocrite coward crook fraud fake phony phoney charlatan con_man conman hack shill stooge puppet ' +
        'lackey toady sycophant bootlicker brownnoser suckup sellout opportunist troll hater bully brat crybaby ' +
        'whiner cry_baby snowflake fanboy fangirl apologist propagandist zealot fanatic bigot racist sexist homophobe ' +
        'weirdo freak creep nutjob nutcase wacko whackjob psycho lunatic maniac loon crackpot kook basket_case ' +
        'traitor turncoat quisling warmonger thug punk hooligan lout yob bum deadbeat slacker moocher freeloader ' +
        'scrounger grifter swindler hustler thief criminal gangster mobster lier antisemite loudmouth blowhard windbag ' +
        'gasbag bigmouth smartass wiseass {smart|wise}_ass ingrate wimp wuss sissy pansy lapdog flunky flunkey ' +
        'minion slob oaf boor goon hoodlum sicko nutter scammer con_artist wannabe snitch sock_puppet keyboard_warrior wingnut moonbat teabagger tea_bagger rethuglican repuke sleaze ' +
        '{horrible|terrible|awful|horrid}_person {horrible|terrible|awful}_human ' +
        '{horrible|terrible|awful}_human_being {horrible|terrible|awful}_people',
      q: 'hypocrisy dishonesty cowardice arrogance stupidity',
    },
    2: {
      a: 'worthless useless despicable disgusting contemptible vile evil wicked sick twisted perverted degenerate ' +
        'scummy slimy sleazebag lowlife gross repulsive revolting loathsome pitiful spiteful repugnant odious ' +
        'reprehensible',
      n: 'loser jerk scoundrel villain rascal snake weasel rat skunk creep pervert perv degenerate lowlife scumbag ' +
        'sleazeball sleazebag slimeball dirtbag douchebag dbag douche pussy nobody a_hole mofo mothafucka muthafucka jackass bastard asshole ahole arsehole azzhole turd libturd butthead ' +
        'buttface assclown asshat dickhead dick prick schmuck putz tool sod git tosser wanker twat bitch biatch beyatch beeyatch biotch hoe ' +
        'slut whore skank tramp harlot hag witch cow sow shrew nag pimp pedophile pedo paedo paedophile molester ' +
        'sociopath psychopath narcissist nazi fascist commie demonrat gestapo murderer terrorist butcher thug tyrant ' +
        'dictator pig douchenozzle fuckwit fuckhead fucker motherfucker shithead shitbag shitstain dipshit ' +
        'cocksucker dickwad dumbfuck douchewad jerkoff scum scumbucket sob son_of_a_bitch good_for_nothing ' +
        'piece_of_{shit|crap|garbage|trash|work} waste_of_{space|oxygen|life|a_life|skin|air} ' +
        'excuse_for_a_human bottom_feeder low_life ' +
        'reprobate miscreant wretch bellend knobhead tosspot asswipe arsewipe shitbird dickweed {trailer|white}_trash ' +
        'dirtball scumball waste_of_dna dick_rider',
    },
    3: {
      n: 'cunt motherfucking_cunt fucking_idiot fucking_moron',
    },
  },
  appearance: {
    1: { a: 'ugly fat chubby skinny scrawny hideous homely toothless smelly stinky greasy bald' },
    2: {
      a: 'obese disgusting_looking pig_faced horse_faced butt_ugly fugly',
      n: 'fatso fatass lardass lardo fatty landwhale land_whale butterface neckbeard uggo troglodyte hobbit gremlin',
    },
  },
  dehumanising: {
    1: { n: 'animal chimp ape beast brute savage barbarian monkey baboon donkey mule sheep lemming drone robot zombie' },
    2: {
      n: 'vermin parasite cockroach roach maggot worm leech louse lice slug slime subhuman sub_human trash ' +
        'garbage filth rubbish scum pond_scum cancer disease plague virus swine hog dog mongrel cur hyena jackal ' +
        'vulture rodent insect bug bottom_feeder untermensch human_{garbage|trash|scum|filth}',
      a: 'subhuman inhuman filthy',
    },
  },
  slur: {
    3: {
      n: 'faggot fag fagot faggit dyke tranny shemale nigger nigga niggah negro coon darkie darky jigaboo spook ' +
        'porch_monkey cracker chink gook slant zipperhead jap spic spick wetback beaner kike yid heeb hymie raghead ' +
        'towelhead sandnigger camel_jockey paki wog gypo gyppo retard tard libtard christard repugnicant ' +
        'demonrat democrap retardo mong spaz spastic cripple midget',
    },
  },
  profanity: {
    1: {
      x: 'fuck fucking fuckin fucked fucks fck fk fuk fkn fkin fukin fuking fukkin phuck dik azz effing frigging friggin shit ' +
        'shitty bullshit crap crappy damn goddamn dammit hell piss pissed bollocks arse ass asses wtf stfu ' +
        'omfg screw screwed sucks suck cock dick balls tits boobs bastard bitchy fag_ass jeez',
    },
  },
};

/**
 * Directed phrases (part of speech `p`): they target by themselves. [phrase, severity, kind]; a slot `{a|b}` lists
 * the words one position may take.
 */
export const DIRECTED: ReadonlyArray<readonly [string, Severity, InsultKind]> = [
  ['shame on {you|u}', 2, 'character'],
  ['{you|u} suck', 2, 'profanity'],
  ['you {all|people} suck', 2, 'profanity'],
  ['shame on', 1, 'character'], // "Shame on these people": a rebuke of whoever follows
  ['shut up', 1, 'character'],
  ['shut your {mouth|trap}', 2, 'character'],
  ['shut the fuck up', 3, 'profanity'],
  ['shut the {hell|f} up', 2, 'profanity'],
  ['stfu', 2, 'profanity'],
  ['gtfo', 2, 'profanity'],
  ['fuck {you|u}', 3, 'profanity'],
  ['fuck off', 3, 'profanity'],
  ['fuck yourself', 3, 'profanity'],
  ['fu', 2, 'profanity'],
  ['screw {you|u}', 2, 'profanity'],
  ['{piss|bugger|sod} off', 2, 'profanity'],
  ['go to hell', 2, 'profanity'],
  ['{burn|rot} in hell', 3, 'profanity'],
  ['kiss my ass', 2, 'profanity'],
  ['bite me', 1, 'profanity'],
  ['suck my', 3, 'profanity'],
  ['eat shit', 3, 'profanity'],
  ['kill yourself', 3, 'dehumanising'],
  ['kys', 3, 'dehumanising'],
  ['get a life', 2, 'character'],
  ['get a clue', 2, 'intellect'],
  ['grow up', 1, 'character'],
  ['grow a pair', 2, 'character'],
  ['your mom', 2, 'profanity'],
  ['your mother', 1, 'profanity'],
  ['yo mama', 2, 'profanity'],
  ['your momma', 2, 'profanity'],
  ['up your {ass|arse}', 3, 'profanity'],
  ['{off|take} your meds', 2, 'intellect'],
  ['learn to {read|spell}', 2, 'intellect'],
  ['no {brain|brains}', 2, 'intellect'],
  ['brain dead', 2, 'intellect'],
  ['braindead', 2, 'intellect'],
  ['your head up your', 3, 'profanity'],
  ['head up your', 3, 'profanity'],
  ['head up his', 2, 'profanity'],
  ['on your knees', 2, 'profanity'],
  // Wishing harm on the person addressed.
  ['hope you die', 3, 'dehumanising'],
  ['you should die', 3, 'dehumanising'],
  ['go die', 3, 'dehumanising'],
  ['drop dead', 2, 'dehumanising'],
  ['die in a fire', 3, 'dehumanising'],
  ['hope you rot', 3, 'dehumanising'],
  // Wishing prison on someone ("he should be in prison", "she belongs in jail").
  ['should be in {jail|prison}', 1, 'character'],
  ['should be behind bars', 1, 'character'],
  ['should be locked up', 1, 'character'],
  ['{belongs|belong} in {jail|prison}', 1, 'character'],
  ['deserves to rot', 2, 'dehumanising'],
  ['rot in {jail|prison}', 2, 'dehumanising'],
  // Contempt for someone's character or mind ("they have no shame", "he has lost his mind").
  ['{has|have} no shame', 1, 'character'],
  ['lost {his|her|your} mind', 1, 'intellect'],
  ['lost their {minds|mind}', 1, 'intellect'],
  ['losing {his|her|your} mind', 1, 'intellect'],
  // Dismissal of the person addressed.
  ['look {who is|whos} talking', 1, 'character'],
  ['what planet are you on', 1, 'intellect'],
  ['living under a rock', 1, 'intellect'],
  ['{nobody|no one} cares', 1, 'character'],
  ['who asked you', 1, 'character'],
  ['nobody asked you', 2, 'character'],
  ['{nobody|no one} gives a {shit|fuck}', 2, 'profanity'],
  ['nobody gives a damn', 1, 'profanity'],
  ['get bent', 2, 'profanity'],
  ['get the fuck out', 2, 'profanity'],
  ['get the hell out', 1, 'profanity'],
  ['screw off', 2, 'profanity'],
  ['jump off a cliff', 2, 'dehumanising'],
  ['go play in traffic', 2, 'dehumanising'],
  ['{eat|suck} a dick', 3, 'profanity'],
  // Rebukes of the person addressed.
  ['you make me sick', 2, 'character'],
  ['you disgust me', 2, 'character'],
  ['{whats|what is} wrong with you', 1, 'character'],
  ['you should be ashamed', 1, 'character'],
  ['have you no shame', 1, 'character'],
  ['how dare you', 1, 'character'],
  ['blow me', 2, 'profanity'],
  ['suck it', 2, 'profanity'],
  ['go fuck yourself', 3, 'profanity'],
  ['go back to sucking', 3, 'profanity'],
  ['crawl back under your rock', 2, 'character'],
  ['back under your rock', 2, 'character'],
  ['go back to your cave', 2, 'character'],
  ['get your head out of your', 3, 'profanity'],
  ['talking out {of your|your} ass', 2, 'profanity'],
  ['full of shit', 2, 'profanity'],
  ['full of crap', 1, 'profanity'],
];

/**
 * Compound words read as one entry: a word that matches `pattern` (after dropping a plural -s when `singular`), has
 * at least `minLength` letters and does not end in one of `except`. Tried in this order, after every other reading.
 */
export interface Compound {
  entry: LexiconEntry;
  pattern: RegExp;
  minLength: number;
  singular: boolean;
  /** Endings of words that match but are no insult ("class", "bypass", "mustard"). */
  except: readonly string[];
}

export const COMPOUNDS: readonly Compound[] = [
  {
    // "clownass", "lardarse": anything-ass.
    entry: { term: '-ass', kind: 'character', severity: 2, pos: 'n' },
    pattern: /(ass|azz|arse)$/,
    minLength: TUNE.compoundMinLetters,
    singular: false,
    except: ('hearse coarse sparse hoarse pizazz class glass grass brass bass mass pass lass sass crass compass ' +
      'barrass harass morass carcass cuirass kvass badass kickass madrass assass').split(' '),
  },
  {
    // "motherfucka", "fuckface": the f-word compounds.
    entry: { term: 'fucker', kind: 'character', severity: 2, pos: 'n' },
    pattern: /^((mo|mu|m|mutha|mother|mada|motha)f+u*c*k+(er|a|ah|ers|as|az|ahs|erz)?|f+u*c*k+(er|a|ah|ers|as|az|ahs|erz)|f+u+c*k+(stick|face|nut|wad|boy|bag|muppet))$/,
    minLength: 0,
    singular: false,
    except: [],
  },
  {
    // "libtard", "fucktards": anything-tard.
    entry: { term: '-tard', kind: 'slur', severity: 3, pos: 'n' },
    pattern: /tard$/,
    minLength: TUNE.compoundMinLetters,
    singular: true,
    except: 'bastard mustard dastard custard leotard petard standard'.split(' '),
  },
];

/**
 * When a word reaches a term only through the stemmer, these say it is another word. A guard applies to terms of
 * the parts of speech in `pos`: either the word ends in one of `wordEnds` and the term in none of `termEnds`, or
 * (`keepsSpelling`) the word, squeezed or not, does not start with the term less its last letter.
 */
export type StemGuard =
  | { pos: readonly InsultPos[]; wordEnds: readonly string[]; termEnds: readonly string[] }
  | { pos: readonly InsultPos[]; keepsSpelling: true };

export const STEM_GUARDS: readonly StemGuard[] = [
  // A noun made from an adjective: "corruption", "sickness" are not "corrupt", "sick".
  { pos: ['n', 'a', 'p', 'x'], wordEnds: ['ion', 'ness', 'ity', 'ment', 'ism'], termEnds: ['ion', 'ness', 'ity', 'ment', 'ism'] },
  // A verb form of a noun: "trolled", "trolling" are not "troll".
  { pos: ['n'], wordEnds: ['ing', 'ed'], termEnds: ['ed'] },
  // Another noun of the same stem: "murders", "anime" are no "murderer", "animal" ("hypocrits", "bullies" still match).
  { pos: ['n'], keepsSpelling: true },
  // An adjective or adverb made from a noun: "prickly" is no prick.
  { pos: ['n'], wordEnds: ['ly'], termEnds: ['ly'] },
];

/** Swear-word intensifiers people run into the word they intensify ("fuckingloser", "fknidiot"), tried in order. */
export const RUN_IN_INTENSIFIERS = ['fucking', 'fuckin', 'fucken', 'fkn', 'fking', 'effing', 'freaking', 'frigging'];
