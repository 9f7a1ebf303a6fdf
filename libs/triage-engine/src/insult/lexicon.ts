/**
 * Sift's insult lexicon: written for this project (not taken from any data set), graded by severity and grouped by
 * kind. Terms are in folded form (lower case, no accents, no apostrophes). Inflections (plural -s/-es, -ing/-in,
 * spelling slips like "hypocrits") are matched through the stemmer, so list the base form.
 *
 * Part of speech decides how much context a term needs:
 * - `n` a noun for a person ("idiot"): insulting when aimed at someone, a weak signal on its own;
 * - `a` an adjective for a person ("stupid"): only counts when predicated of a person, not of a thing ("stupid idea");
 * - `p` a directed phrase that targets by itself ("shut up", "shame on you", "f*** you");
 * - `q` a quality noun ("stupidity"): counts when someone is said to have it ("your stupidity");
 * - `x` untargeted profanity ("shit"): not an insult unless the rule's config says so, or it is aimed at someone.
 */
export type InsultKind = 'intellect' | 'character' | 'appearance' | 'dehumanising' | 'slur' | 'profanity';
export type InsultPos = 'n' | 'a' | 'p' | 'q' | 'x';
export type Severity = 1 | 2 | 3;

export interface LexiconEntry {
  term: string;
  kind: InsultKind;
  severity: Severity;
  pos: InsultPos;
  /** Only when written in capitals ("SOB", not "sob"). */
  upperOnly?: boolean;
  /** An everyday word too ("tool", "snake", "joke"): counts only when plainly aimed at someone. */
  ambiguous?: boolean;
}

/** Nouns with an everyday meaning: they count only right after "you are", "you", "what a" and the like. */
const AMBIGUOUS = new Set(
  ('tool snake virus dog sow rat pig hog joke brute clown child kid kiddo failure nut disgrace fake cow witch ' +
    'terrorist criminal murderer animal beast sheep monkey donkey mule drone robot zombie bug insect cancer disease ' +
    'plague trash garbage rubbish amateur hack puppet troll punk bum cripple midget tramp nag worm slug leech ' +
    'savage barbarian dick cock balls ass butcher thief gangster mobster tyrant dictator nazi fascist commie ' +
    'embarrassment lice louse roach hyena jackal vulture rodent cur slime filth spook jap slant mong homo weasel ' +
    'skunk snowflake fanboy fangirl basket_case villain rascal hustler child dope dummy goof sheeple noob newb ' +
    'cuck soyboy incel bimbo dotard deplorable cracker nerd quack pussy nobody a_hole amateur apologist propagandist stooge shill crook fraud phony phoney hater bully brat nag shrew hag sucker chump dumbbell muppet caveman minion lapdog rube hick redneck hillbilly neanderthal wimp sissy pansy').split(' '),
);

type Group = Partial<Record<InsultPos, string>>;
/** kind → severity → part of speech → space-separated terms (multi-word terms joined with `_`). */
const LEXICON: Record<InsultKind, Partial<Record<Severity, Group>>> = {
  intellect: {
    1: {
      a: 'naive clueless silly foolish dense dim gullible ignorant uneducated uninformed illiterate thick dopey daft ' +
        'dumber slow_witted small_minded narrow_minded closed_minded simple_minded feeble_minded brainwashed deluded ' +
        'delusional misinformed irrational incompetent inept mental gormless vapid senile demented asinine ' +
        'dimwitted pig_ignorant',
      n: 'fool sheep sheeple dope clown buffoon twit nitwit dork dweeb goof goofball noob newb amateur child kiddo ' +
        'bozo chump sucker dullard dunderhead dingus dumbbell pillock plonker prat numpty berk muppet twerp ' +
        'know_it_all mouth_breather knuckle_dragger neanderthal caveman hillbilly redneck hick yokel rube',
      q: 'stupidity idiocy ignorance imbecility foolishness lunacy cluelessness dumbness mental_issues mental_problems',
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
        'antisemitic homophobic sniveling snivelling whiny craven deceitful treacherous psychotic two_faced ' +
        'classless talentless soulless',
      n: 'ass cuck soyboy incel bimbo dotard deplorable nerd quack joke disgrace embarrassment failure nut liar hypocrite coward crook fraud fake phony phoney charlatan con_man conman hack shill stooge puppet ' +
        'lackey toady sycophant bootlicker brownnoser suckup sellout opportunist troll hater bully brat crybaby ' +
        'whiner cry_baby snowflake fanboy fangirl apologist propagandist zealot fanatic bigot racist sexist homophobe ' +
        'weirdo freak creep nutjob nutcase wacko whackjob psycho lunatic maniac loon crackpot kook basket_case ' +
        'traitor turncoat quisling warmonger thug punk hooligan lout yob bum deadbeat slacker moocher freeloader ' +
        'scrounger grifter swindler hustler thief criminal gangster mobster lier antisemite loudmouth blowhard windbag ' +
        'gasbag bigmouth smartass wiseass smart_ass wise_ass ingrate wimp wuss sissy pansy lapdog flunky flunkey ' +
        'minion slob oaf boor goon hoodlum sicko nutter scammer con_artist wannabe snitch sock_puppet keyboard_warrior wingnut moonbat teabagger tea_bagger rethuglican repuke sleaze ' +
        'horrible_person terrible_person awful_person horrid_person horrible_human terrible_human awful_human ' +
        'horrible_human_being terrible_human_being awful_human_being horrible_people terrible_people awful_people',
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
        'cocksucker dickwad dumbfuck douchewad jerkoff wanker scum scumbucket sob son_of_a_bitch good_for_nothing ' +
        'piece_of_shit piece_of_crap piece_of_garbage piece_of_trash piece_of_work waste_of_space ' +
        'waste_of_oxygen waste_of_life waste_of_a_life waste_of_skin waste_of_air excuse_for_a_human bottom_feeder low_life ' +
        'reprobate miscreant wretch bellend knobhead tosspot asswipe arsewipe shitbird dickweed trailer_trash ' +
        'white_trash waste_of_space dirtball scumball waste_of_dna dick_rider',
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
        'vulture rodent insect bug bottom_feeder untermensch human_garbage human_trash human_scum human_filth',
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

/** Directed phrases: they target by themselves. Severity by phrase. */
const DIRECTED: Array<[string, Severity, InsultKind]> = [
  ['shame_on_you', 2, 'character'],
  ['you_suck', 2, 'profanity'],
  ['u_suck', 2, 'profanity'],
  ['you_all_suck', 2, 'profanity'],
  ['you_people_suck', 2, 'profanity'],
  ['shame_on_u', 2, 'character'],
  ['shame_on', 1, 'character'], // "Shame on these people": a rebuke of whoever follows
  ['shut_up', 1, 'character'],
  ['shut_your_mouth', 2, 'character'],
  ['shut_your_trap', 2, 'character'],
  ['shut_the_fuck_up', 3, 'profanity'],
  ['shut_the_hell_up', 2, 'profanity'],
  ['shut_the_f_up', 2, 'profanity'],
  ['stfu', 2, 'profanity'],
  ['gtfo', 2, 'profanity'],
  ['fuck_you', 3, 'profanity'],
  ['fuck_u', 3, 'profanity'],
  ['fuck_off', 3, 'profanity'],
  ['fuck_yourself', 3, 'profanity'],
  ['fu', 2, 'profanity'],
  ['screw_you', 2, 'profanity'],
  ['screw_u', 2, 'profanity'],
  ['piss_off', 2, 'profanity'],
  ['bugger_off', 2, 'profanity'],
  ['sod_off', 2, 'profanity'],
  ['go_to_hell', 2, 'profanity'],
  ['burn_in_hell', 3, 'profanity'],
  ['rot_in_hell', 3, 'profanity'],
  ['kiss_my_ass', 2, 'profanity'],
  ['bite_me', 1, 'profanity'],
  ['suck_my', 3, 'profanity'],
  ['eat_shit', 3, 'profanity'],
  ['kill_yourself', 3, 'dehumanising'],
  ['kys', 3, 'dehumanising'],
  ['get_a_life', 2, 'character'],
  ['get_a_clue', 2, 'intellect'],
  ['grow_up', 1, 'character'],
  ['grow_a_pair', 2, 'character'],
  ['your_mom', 2, 'profanity'],
  ['your_mother', 1, 'profanity'],
  ['yo_mama', 2, 'profanity'],
  ['your_momma', 2, 'profanity'],
  ['up_your_ass', 3, 'profanity'],
  ['up_your_arse', 3, 'profanity'],
  ['off_your_meds', 2, 'intellect'],
  ['take_your_meds', 2, 'intellect'],
  ['learn_to_read', 2, 'intellect'],
  ['learn_to_spell', 2, 'intellect'],
  ['no_brain', 2, 'intellect'],
  ['no_brains', 2, 'intellect'],
  ['brain_dead', 2, 'intellect'],
  ['braindead', 2, 'intellect'],
  ['your_head_up_your', 3, 'profanity'],
  ['head_up_your', 3, 'profanity'],
  ['head_up_his', 2, 'profanity'],
  ['on_your_knees', 2, 'profanity'],
  // Wishing harm on the person addressed.
  ['hope_you_die', 3, 'dehumanising'],
  ['you_should_die', 3, 'dehumanising'],
  ['go_die', 3, 'dehumanising'],
  ['drop_dead', 2, 'dehumanising'],
  ['die_in_a_fire', 3, 'dehumanising'],
  ['hope_you_rot', 3, 'dehumanising'],
  // Wishing prison on someone ("Holder should be in prison", "she belongs in jail").
  ['should_be_in_jail', 1, 'character'],
  ['should_be_in_prison', 1, 'character'],
  ['should_be_behind_bars', 1, 'character'],
  ['should_be_locked_up', 1, 'character'],
  ['belongs_in_jail', 1, 'character'],
  ['belongs_in_prison', 1, 'character'],
  ['belong_in_jail', 1, 'character'],
  ['belong_in_prison', 1, 'character'],
  ['deserves_to_rot', 2, 'dehumanising'],
  ['rot_in_jail', 2, 'dehumanising'],
  ['rot_in_prison', 2, 'dehumanising'],
  // Contempt for someone's character or mind ("liberals have no shame", "he has lost his mind").
  ['has_no_shame', 1, 'character'],
  ['have_no_shame', 1, 'character'],
  ['lost_his_mind', 1, 'intellect'],
  ['lost_her_mind', 1, 'intellect'],
  ['lost_your_mind', 1, 'intellect'],
  ['lost_their_minds', 1, 'intellect'],
  ['lost_their_mind', 1, 'intellect'],
  ['losing_his_mind', 1, 'intellect'],
  ['losing_her_mind', 1, 'intellect'],
  ['losing_your_mind', 1, 'intellect'],
  // Dismissal of the person addressed.
  ['look_who_is_talking', 1, 'character'],
  ['look_whos_talking', 1, 'character'],
  ['what_planet_are_you_on', 1, 'intellect'],
  ['living_under_a_rock', 1, 'intellect'],
  ['nobody_cares', 1, 'character'],
  ['no_one_cares', 1, 'character'],
  ['who_asked_you', 1, 'character'],
  ['nobody_asked_you', 2, 'character'],
  ['nobody_gives_a_shit', 2, 'profanity'],
  ['nobody_gives_a_fuck', 2, 'profanity'],
  ['no_one_gives_a_shit', 2, 'profanity'],
  ['no_one_gives_a_fuck', 2, 'profanity'],
  ['nobody_gives_a_damn', 1, 'profanity'],
  ['get_bent', 2, 'profanity'],
  ['get_the_fuck_out', 2, 'profanity'],
  ['get_the_hell_out', 1, 'profanity'],
  ['screw_off', 2, 'profanity'],
  ['jump_off_a_cliff', 2, 'dehumanising'],
  ['go_play_in_traffic', 2, 'dehumanising'],
  ['eat_a_dick', 3, 'profanity'],
  ['suck_a_dick', 3, 'profanity'],
  // Rebukes of the person addressed.
  ['you_make_me_sick', 2, 'character'],
  ['you_disgust_me', 2, 'character'],
  ['whats_wrong_with_you', 1, 'character'],
  ['what_is_wrong_with_you', 1, 'character'],
  ['you_should_be_ashamed', 1, 'character'],
  ['have_you_no_shame', 1, 'character'],
  ['how_dare_you', 1, 'character'],
  ['blow_me', 2, 'profanity'],
  ['suck_it', 2, 'profanity'],
  ['go_fuck_yourself', 3, 'profanity'],
  ['go_back_to_sucking', 3, 'profanity'],
  ['crawl_back_under_your_rock', 2, 'character'],
  ['back_under_your_rock', 2, 'character'],
  ['go_back_to_your_cave', 2, 'character'],
  ['get_your_head_out_of_your', 3, 'profanity'],
  ['talking_out_of_your_ass', 2, 'profanity'],
  ['talking_out_your_ass', 2, 'profanity'],
  ['full_of_shit', 2, 'profanity'],
  ['full_of_crap', 1, 'profanity'],
];

export interface Lexicon {
  /** folded single word → entry */
  words: Map<string, LexiconEntry>;
  /** folded first word → phrases starting with it (as token arrays), longest first */
  phrases: Map<string, Array<{ tokens: string[]; entry: LexiconEntry }>>;
  /** squeezed form ("loser" for "looser") → entry, for words of four or more letters */
  squeezed: Map<string, LexiconEntry>;
  /** masked look-up: `${first letter}${length}` → entries ("f4" → fuck) */
  masked: Map<string, LexiconEntry[]>;
}

/** Every built-in entry, flattened. */
export function builtinEntries(): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  for (const [kind, bySev] of Object.entries(LEXICON) as Array<[InsultKind, Partial<Record<Severity, Group>>]>) {
    for (const [sev, group] of Object.entries(bySev) as Array<[string, Group]>) {
      for (const [pos, list] of Object.entries(group) as Array<[InsultPos, string]>) {
        for (const t of list.split(/\s+/)) {
          if (!t) continue;
          out.push({ term: t.replace(/_/g, ' '), kind, severity: Number(sev) as Severity, pos });
        }
      }
    }
  }
  for (const [t, severity, kind] of DIRECTED) out.push({ term: t.replace(/_/g, ' '), kind, severity, pos: 'p' });
  for (const e of out) if (AMBIGUOUS.has(e.term.replace(/ /g, '_'))) e.ambiguous = true;
  // "SOB" only in capitals (lower-case "sob" is crying).
  const sob = out.find((e) => e.term === 'sob');
  if (sob) sob.upperOnly = true;
  return out;
}
