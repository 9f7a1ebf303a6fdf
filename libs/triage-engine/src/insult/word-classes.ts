/**
 * The words the targeting code reads a sentence by, grouped by the role they play. Data only: folded forms (lower
 * case, apostrophes already removed: "you're" is `youre`). The code that reads them is in targeting.ts, subject.ts,
 * noun-phrase.ts, framing.ts and find-hits.ts.
 */
const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/));
/** A pattern that matches a word ending in any of the given endings. */
const endings = (s: string): RegExp => new RegExp(`(${s.split(/\s+/).join('|')})$`);

// ---- Who a hit can be aimed at ----
/** The reader, addressed: "you are X", "you X". */
export const SECOND = words('you u ya yu youre yourself yourselves ye yall thou thee yo');
/** The reader's: "your X"; also "your" written for "you're" ("your a moron"). */
export const SECOND_POSS = words('your ur yer');
/** After "your", these make it "you're": "your a …", "ur such an …", "your so …". */
export const YOUR_AS_YOURE = words('a an such so one the just really being are totally completely very too');
/** A group: "they are X", "these people are X". */
export const GROUP = words('they theyre them these those');
/** A third person: "he is X", "someone is X", "this guy is X". */
export const THIRD = words(
  'he hes she shes him who whos someone somebody anyone anybody everyone guy guys man woman men women person people ' +
    'folks dude gal lady kid boy girl',
);
/** Oneself: "I'm an idiot" is said of oneself. */
export const FIRST = words('i im me myself we us ourselves');
/** Things, not people: "this is stupid", "a stupid idea". */
export const THING = words(
  'this that it its which what there thats whats theres idea ideas comment comments post posts article articles ' +
    'point points argument arguments statement statements claim claims question questions answer answers reply ' +
    'replies remark remarks tweet tweets opinion opinions view views take takes theory excuse excuses logic ' +
    'reasoning thinking policy policies law laws rule rules bill decision decisions plan plans move agenda ' +
    'narrative story stories movie movies show shows song songs music game games thing things stuff behavior ' +
    'behaviour response position system',
);
/** Nouns for people: an adjective before one of these is about a person ("stupid people"), not a thing. */
export const PERSON_NOUNS = words(
  'people person man men woman women guy guys kid kids boy boys girl girls child children folks ppl liberal ' +
    'liberals conservative conservatives democrat democrats republican republicans libs lib leftist leftists ' +
    'rightwinger rightwingers voters voter fans fan americans american teens teen posters poster commenters ' +
    'commenter trolls troll supporters supporter dude dudes bro lady ladies mother father brother sister son ' +
    'daughter wife husband friend friends family clan crowd gang mob lot bunch pal buddy mate bud sir madam ' +
    'lefties lefty dems humans human being beings individual individuals creature creatures ' +
    'member members activist activists politician politicians leader leaders official officials reporter reporters ' +
    'journalist journalists student students teacher teachers professor professors cop cops judge judges senator ' +
    'senators candidate candidates player players follower followers celebrity celebrities socialist socialists ' +
    'communist communists progressive progressives feminist feminists protester protesters protestor protestors',
);
/** A person, for "profanity at someone": a pronoun for a person in the same sentence (or an @-mention). */
export const PERSON_PRONOUNS = words('you u ya youre ur your he hes she shes him her his they theyre them their');
/** The character that opens an @-mention. */
export const MENTION_MARK = '@';

// ---- Copulas: "is", "are" and their kin ----
/** A copula links a subject to the label: "you are X", "he seems X", "they became X". */
export const COPULA = words(
  'are is r re be being been was were am seem seems seemed look looks looked sound sounds sounded act acting acts ' +
    'become became becoming remain remains stay get got getting must sure truly obviously clearly such',
);
/** Words with the copula inside: "you're", "they're", "he's", "she's", "who's". */
export const COPULA_IN_WORD = words('youre theyre hes shes whos');
/** The copula before the subject, in a question: "Are people truly that stupid?", "Is he insane?". */
export const INVERTED_COPULA = words('is are was were isnt arent wasnt werent');
/** Auxiliaries that open a question: "Are you honestly this stupid?". */
export const AUX_QUESTION = words('are is were was do does did can could would will arent isnt');
/** "Xs are": an unknown word in the plural ending before this copula is a group ("liberals are X"). */
export const PLURAL_COPULA = words('are');
export const PLURAL_ENDING = 's';

// ---- Words the backward search steps over ----
/** Intensifiers, determiners and fillers between a target and a term: "you [are such a total] idiot". */
export const SKIP = words(
  'a an the such so one total complete utter absolute real truly really very just pure typical little big ' +
    'most more quite pretty bunch of lot all some and or but too as like kind sort pack full bloody damn freaking ' +
    'frigging fcking fucking fuckin effing stinking sorry sad poor old young fat self serving have has had ' +
    'being also still now only even always then again certainly definitely simply nothing good for this that ' +
    'certified proven bonafide genuine both either to sir madam mr mrs ms pal buddy mate',
);
/** Determiners: they end a noun phrase's modifiers ("you see the snake": "see" is a verb, not a modifier). */
export const DETERMINER = words('a an the this that these those my his her its our their your some any every each no');
/** An article before a modifier keeps it inside the noun phrase: "a socialist fool" is no distance. */
export const ARTICLE = words('a an such');
/** An article before an adjective-and-noun term makes it the noun: "That man is a known racist." */
export const NOUN_ARTICLE = words('a an the such');
/** Words that join two adjectives: "you are rude and stupid". */
export const COORDINATOR = words('and or');
/** Adverbs end so ("really", "totally"): the search steps over them. */
export const ADVERB_ENDING = 'ly';
/** Endings of adjectives and of nouns used as modifiers ("political", "leftist", "ungrateful", "contemptuous"). */
export const MODIFIER_ENDINGS = endings('al ist ful ous ic ive less able ible ish an ese ern ary ory ent ant ed');

// ---- Words that frame a hit: negated, reported, a comparison, a state ----
/** Negators: "you're not an idiot". */
export const NEGATION = words('not no never isnt arent wasnt werent aint nor hardly neither cant cannot wont');
/** Reporting verbs: "those who call them crooks" reports the words, does not say them. */
export const REPORTING = words(
  'call called calling calls label labelled labeled labeling labelling labels named brand branded accuse accused ' +
    'accusing so_called',
);
/** Two-word reporting cues, by their second word: "as though he were a criminal". */
export const REPORTING_PAIRS: ReadonlyMap<string, string> = new Map([['though', 'as']]);
/** A comparison around an adjective: "as naive as a tourist". */
export const COMPARISON = words('as');
/** An adjective with this complement tells a state, not a label: "sick of waiting". */
export const COMPLEMENT = words('of');
/** ... unless an indefinite article follows: "so arrogant of a forum troll" stays a label. */
export const INDEFINITE = words('a an');

// ---- Patterns after the hit ----
/** "X like you", "X like Baxter". */
export const SIMILE = words('like');
/** "X personified", "X incarnate". */
export const EMBODIED = words('personified incarnate');
/** "What a fool you're": "you're" right after the label. */
export const SECOND_WITH_COPULA = words('youre');
/** "X you are", "how pathetic you sound". */
export const TRAILING_COPULA = words('are r re is sound look seem appear');
/** "how smug they are", "what a clown he is": a subject after the label, and the aim it gives. */
export const TRAILING_SUBJECT: ReadonlyMap<string, 'third' | 'group'> = new Map([
  ['he', 'third'],
  ['she', 'third'],
  ['they', 'group'],
]);
/** ... followed by one of these. */
export const TRAILING_SUBJECT_VERB = words('is are was were look looks sound sounds seem seems');
/** After an adjective, these start no noun it could modify ("stupid and", "stupid enough", "stupid to …"). */
export const NOT_A_NOUN_AFTER = words('and or but as to enough too af for of in on at with if when because who that than you u ur');
/** After an adjective and a name, a word ending so is a verb ("Wicked Baxter strikes"): an epithet. */
export const VERB_ENDINGS = endings('s ed ing');

// ---- Words before the hit that aim it ----
/** Openers that aim the noun after them, with the factor and pattern they give: "what a fool", "hey moron". */
export const OPENERS: ReadonlyMap<string, { factor: 'exclaim' | 'vocative'; pattern: string }> = new Map([
  ['what', { factor: 'exclaim', pattern: 'what a X' }],
  ['hey', { factor: 'vocative', pattern: 'hey X' }],
  ['oi', { factor: 'vocative', pattern: 'hey X' }],
] as const);
/** Calls that a vocative may follow: "hey, moron!". */
export const CALLS = words('hey');
/** "Another populist hack.": a sentence opening on one of these labels someone. */
export const LABEL_OPENER = words('another');
/** "such hypocrites" (no article): an exclamation about the people addressed. */
export const SUCH = words('such');
/** Exclamations that a bare adjective phrase may follow: "What a spineless little man." */
export const EXCLAIM = words('what such');
/** Imperatives of "be": "don't be such a X", "stop being a bully". */
export const IMPERATIVE_BE = words('be being');
/** ... after one of these words (or opening the sentence). */
export const IMPERATIVE_CUE = words('dont stop quit never just please');
/** Before a noun, these make it a verb ("might fool the shoppers", "to troll", "can't fool me"). */
export const VERB_CONTEXT = words('to might will can could would may must should cant wont dont doesnt didnt shall gonna wanna lets');

// ---- Directed phrases ----
/** A directed phrase ending on one of these takes the next word as its object: "shame on me" is said of oneself. */
export const OBJECT_PREPOSITIONS = words('on');
/** After one of these, a swear word intensifies ("whoever the fuck you like"): a profanity phrase starting there is
 * not aimed at the "you" it ends on. */
export const INTENSIFYING_ARTICLE = words('the');
/** A swear word followed by a verb in this ending intensifies the verb ("are you fucking joking"). */
export const ING = 'ing';
