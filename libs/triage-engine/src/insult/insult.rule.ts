import type { EvidenceSpan } from '@sift/shared';
import { z } from 'zod';
import { commentFields, type RuleDefinition } from '../contract/rule.js';
import { InsultLexicon } from './lexicon-index.js';
import type { LexiconEntry } from './lexicon.js';
import { STOPWORDS } from '../text/nlp.js';
import { hasLongRun, squeeze } from '../text/fold.js';
import { quotedRanges, tokenize, type Token } from '../text/tokens.js';

/**
 * `insult`: name-calling and contempt aimed at a person or group.
 *
 * Each lexicon hit (see text/lexicon.ts) gets a weight from its severity and from what it is aimed at: "you are X",
 * "you X", "X like you", "they/these people are X", "what a X", "<name> is a X", a vocative "X!", or nothing.
 * Negated hits ("you're not an idiot") and hits inside quoted material (`>` lines, quotation marks) count zero;
 * adjectives about things ("stupid idea") count zero; untargeted profanity counts zero unless
 * `countUntargetedProfanity`. Score = 1 − Π(1 − weight) over hits, in [0, 1], plus a small prior from how much the
 * comment addresses "you" (always below any sensible threshold on its own). Fires when score ≥ `threshold`.
 */
export const INSULT_DEFAULTS = {
  threshold: 0.4,
  countUntargetedProfanity: false,
} as const;

const severity = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export const insultConfigSchema = z.object({
  threshold: z.number().min(0.05).max(1).default(INSULT_DEFAULTS.threshold),
  extraTerms: z
    .array(
      z.object({
        term: z.string().trim().min(2).max(60),
        severity: severity.default(2),
        kind: z.enum(['intellect', 'character', 'appearance', 'dehumanising', 'slur', 'profanity', 'custom']).default('custom'),
        pos: z.enum(['n', 'a', 'p', 'q', 'x']).default('n'),
      }),
    )
    .max(1000)
    .default([]),
  allowTerms: z.array(z.string().trim().min(1).max(60)).max(1000).default([]),
  countUntargetedProfanity: z.boolean().default(INSULT_DEFAULTS.countUntargetedProfanity),
});
export type InsultConfig = z.infer<typeof insultConfigSchema>;

// ---- word classes for targeting (folded forms; apostrophes already removed) ----
const set = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/));
const SECOND = set('you u ya yu youre yourself yourselves ye yall thou thee yo');
const SECOND_POSS = set('your ur yer');
const GROUP = set('they theyre them these those');
const THIRD = set('he hes she shes him who whos someone somebody anyone anybody everyone guy guys man woman men women person people folks dude gal lady kid boy girl');
/** "he's", "she's", "who's": the copula is in the word ("she's vile"). */
const CONTRACTED_COPULA = set('hes shes whos');
const FIRST = set('i im me myself we us ourselves');
const THING = set(
  'this that it its which what there thats whats theres idea ideas comment comments post posts article articles ' +
    'point points argument arguments statement statements claim claims question questions answer answers reply ' +
    'replies remark remarks tweet tweets opinion opinions view views take takes theory excuse excuses logic ' +
    'reasoning thinking policy policies law laws rule rules bill decision decisions plan plans move agenda ' +
    'narrative story stories movie movies show shows song songs music game games thing things stuff behavior ' +
    'behaviour response position system',
);
const COPULA = set('are is r re be being been was were am seem seems seemed look looks looked sound sounds sounded act acting acts become became becoming remain remains stay get got getting must sure truly obviously clearly such');
const NEGATION = set('not no never isnt arent wasnt werent aint nor hardly neither cant cannot wont');
const REPORTING = set('call called calling calls label labelled labeled labeling labelling labels named brand branded accuse accused accusing so_called');
const SKIP = set(
  'a an the such so one total complete utter absolute real truly really very just pure typical little big ' +
    'most more quite pretty bunch of lot all some and or but too as like kind sort pack full bloody damn freaking ' +
    'frigging fcking fucking fuckin effing stinking sorry sad poor old young fat self serving have has had ' +
    'being also still now only even always and then again certainly definitely simply nothing good for this that ' +
    'certified proven bonafide genuine both either to sir madam mr mrs ms pal buddy mate',
);
const INVERTED_COPULA = set('is are was were isnt arent wasnt werent');
const AUX_QUESTION = set('are is were was do does did can could would will arent isnt');
/** Nouns for people: an adjective before one of these is about a person ("stupid people"), not a thing. */
const PERSON_NOUNS = set(
  'people person man men woman women guy guys kid kids boy boys girl girls child children folks ppl liberal ' +
    'liberals conservative conservatives democrat democrats republican republicans libs lib leftist leftists ' +
    'rightwinger rightwingers voters voter fans fan americans american teens teen posters poster commenters ' +
    'commenter trolls troll supporters supporter dude dudes bro lady ladies mother father brother sister son ' +
    'daughter wife husband friend friends family clan crowd gang mob lot bunch pal buddy mate bud sir madam ' +
    'son lefties lefty libs dems democrats humans human being beings individual individuals creature creatures ' +
    'member members activist activists politician politicians leader leaders official officials reporter reporters ' +
    'journalist journalists student students teacher teachers professor professors cop cops judge judges senator ' +
    'senators candidate candidates player players follower followers celebrity celebrities socialist socialists ' +
    'communist communists progressive progressives feminist feminists protester protesters protestor protestors',
);

/** Before a noun, these make it a verb ("might fool the voters", "to troll", "can't fool me"). */
const VERB_CONTEXT = set('to might will can could would may must should cant wont dont doesnt didnt shall gonna wanna lets');
export const SEVERITY_WEIGHT = [0, 0.35, 0.7, 0.95];
const PERSON_PRONOUNS = set('you u ya youre ur your he hes she shes him her his they theyre them their');

/** How strongly a hit is aimed at someone: factor on the severity weight, and the pattern that decided it. */
interface Aim {
  factor: number;
  pattern: string;
  negated: boolean;
}

interface Hit {
  field: 'title' | 'body';
  first: number;
  last: number;
  start: number;
  end: number;
  entry: LexiconEntry;
  aim: Aim;
  weight: number;
  /** The next word is a verb in -ing ("are you fucking kidding"): a swear word there intensifies the verb. */
  beforeVerb?: boolean;
}

/** The canonical word a token reads as: itself, or the lexicon term it spells ("f**k" → fuck, "fuuk" → fuk). */
const canon = (lex: InsultLexicon, t: Token) => lex.info(t.shape).entry?.term ?? t.norm;

/**
 * The phrase starting at token i, and the index of its last token. A phrase of three or more words may take one
 * extra insult adjective or swear word inside it ("shut your filthy mouth", "kiss my fat ass").
 */
function matchPhrase(lex: InsultLexicon, toks: Token[], i: number): { entry: LexiconEntry; last: number } | null {
  const list = lex.info(toks[i].shape).phrases;
  if (!list) return null;
  for (const p of list) {
    let ok = true;
    let j = i;
    let skipped = false;
    for (let k = 1; k < p.tokens.length && ok; k++) {
      j++;
      let t = toks[j];
      if (!t) {
        ok = false;
        break;
      }
      const want = p.tokens[k];
      if (!skipped && k >= 2 && t.norm !== want && !t.quoted && t.breakBefore === 0 && toks[j + 1] && p.tokens.length >= 3) {
        const e = lex.info(t.shape).entry;
        if (e && (e.pos === 'a' || e.pos === 'x')) {
          skipped = true;
          t = toks[++j];
        }
      }
      // The last word of a name-calling phrase may be plural ("bottom feeders", "cry babies").
      const plural = k === p.tokens.length - 1 && p.entry.pos === 'n' && (t.norm === `${want}s` || t.norm === `${want.slice(0, -1)}ies`);
      if (t.quoted || t.breakBefore === 2 || (t.norm !== want && !plural && canon(lex, t) !== want)) ok = false;
    }
    if (ok) return { entry: p.entry, last: j };
  }
  return null;
}

/**
 * Weights, calibrated on the shared sets (docs/eval.md). A hit's weight = SEVERITY_WEIGHT[severity] × factor of
 * its aim, capped at 0.97.
 */
export const TUNE = {
  direct: 2.0, // you are X / you X / X like you / X, you are
  yourNoun: 1.0, // your X (noun): "your stupid ass"
  yourQuality: 0.8, // your X (quality of conduct): "your dishonesty" — as often fair comment as name-calling
  yourQualityIntellect: 1.15, // your X (quality of mind): "your stupidity", "your ignorance is showing"
  group: 1.2, // they/these people are X
  third: 1.15, // he/she/someone is X: "She is a liar" counts, as "you are a liar" does
  name: 1.05, // <Name> is X
  unknownNoun: 0.8, // <someone> is X (lower case subject)
  unknownAdj: 0.45,
  exclaim: 1.3, // what a X / such X
  vocative: 1.2, // "Idiot!", "hey moron"
  phrase: 1.3, // directed phrases: shut up, shame on you
  untargetedNoun: 0.8,
  untargetedNounAddressed: 0.8, // ... in a comment that addresses "you"
  untargetedSlur: 0.8,
  gap: 0.8, // per unknown word skipped between target and hit
  reported: 0.25, // "called them traitors"
  self: 0.15,
  profanityAimed: 0.6, // "you are shit": profanity as the predicate
  profanityVerb: 0.3, // "you screwed ...": profanity right after "you" without a copula
  profanityAtPerson: 0.8, // profanity in a sentence about a person ("@USER what the fuck is he doing")
  prior: 0.02, // per "you"/mention, up to 4
  priorProfanity: 0.05,
};

const NEXT_NOT_THING = /^(and|or|but|as|to|enough|too|af|for|of|in|on|at|with|if|when|because|who|that|than|you|u|ur)$/;

const DETERMINER = set('a an the this that these those my his her its our their your some any every each no');

/** Endings of adjectives and of nouns used as modifiers ("political", "leftist", "ungrateful", "contemptuous"). */
const MODIFIER_END = /(al|ist|ful|ous|ic|ive|less|able|ible|ish|an|ese|ern|ary|ory|ent|ant|ed)$/;

/**
 * Token k reads as a modifier inside the noun phrase ending at `first` ("you lying snake", "a political hack"): an
 * adjective-like word or a name ("Obama puppet"), with only intensifiers, no determiner, between it and the noun
 * ("you see the snake", "you throw trash": verbs, not modifiers).
 */
function modifierOf(toks: Token[], k: number, first: number, text: string): boolean {
  for (let j = k + 1; j < first; j++) if (DETERMINER.has(toks[j].norm) || !SKIP.has(toks[j].norm) || toks[j].breakBefore > 0) return false;
  const t = toks[k];
  return MODIFIER_END.test(t.norm) || (t.breakBefore === 0 && /^\p{Lu}/u.test(text.slice(t.start, t.start + 1)));
}

/** Token j looks like a name: capitalised, no common word, not a thing. */
function isName(toks: Token[], j: number, text: string): boolean {
  const t = toks[j];
  return /^\p{Lu}/u.test(text.slice(t.start, t.start + 1)) && !STOPWORDS.has(t.norm) && !THING.has(t.norm) && !t.quoted;
}

/** Decide what a hit spanning tokens [first, last] is aimed at. */
function aimOf(toks: Token[], first: number, last: number, entry: LexiconEntry, covered: Uint8Array, text: string): Aim {
  const pos = entry.pos;
  if (pos === 'p') {
    // "shame on me": said of oneself.
    const after = toks[last + 1];
    if (toks[last].norm === 'on' && after && after.breakBefore === 0 && FIRST.has(after.norm)) return { factor: TUNE.self, pattern: 'self', negated: false };
    return { factor: TUNE.phrase, pattern: 'directed phrase', negated: false };
  }
  let negated = false;
  let reported = false;
  let copula = false;
  let skips = 0;
  /** Skipped words that weaken the link to the target (a modifier right after "a"/"such" does not: "a communist fool"). */
  let gaps = 0;
  let such = false;
  let aim: Aim | null = null;
  /** Where the backward search stopped (the target word, when it found one). */
  let target = -1;
  let pastHit = false;
  const next = toks[last + 1];
  const next2 = toks[last + 2];
  const inSentence = (t: Token | undefined) => t !== undefined && t.breakBefore < 2 && !t.quoted;
  // Forward: "X like you", "X personified", "what a fool you are"
  if (inSentence(next) && next.norm === 'like' && inSentence(next2) && (SECOND.has(next2.norm) || GROUP.has(next2.norm))) {
    aim = { factor: SECOND.has(next2.norm) ? TUNE.direct : TUNE.group, pattern: `X like ${next2.norm}`, negated: false };
  } else if (pos === 'n' && inSentence(next) && next.norm === 'like' && inSentence(next2) && /^\p{Lu}/u.test(text.slice(next2.start, next2.start + 1))) {
    aim = { factor: TUNE.name, pattern: 'X like <name>', negated: false };
  } else if (inSentence(next) && (next.norm === 'personified' || next.norm === 'incarnate')) {
    aim = { factor: TUNE.phrase, pattern: 'X personified', negated: false };
  } else if (inSentence(next) && (next.norm === 'youre' || (SECOND.has(next.norm) && inSentence(next2) && /^(are|r|re|is|sound|look|seem|appear)$/.test(next2.norm)))) {
    aim = { factor: TUNE.direct, pattern: 'X you are', negated: false };
  }
  // Vocative: "Idiot!", "..., coward.", "Racist trash." — a noun phrase standing alone as its own phrase.
  if (!aim && pos === 'n' && (!next || next.breakBefore >= 1)) {
    let k = first;
    let adjective = false;
    let unknown = entry.ambiguous ? 1 : 0;
    while (k > 0 && toks[k].breakBefore === 0) {
      const w = toks[k - 1].norm;
      if (covered[k - 1]) adjective = true;
      else if (NEGATION.has(w) || COPULA.has(w) || REPORTING.has(w) || FIRST.has(w) || AUX_QUESTION.has(w) || CONTRACTED_COPULA.has(w) || w === 'youre' || w === 'theyre') {
        k = -1;
        break;
      } else if (!SKIP.has(w) && !SECOND.has(w) && w !== 'hey' && unknown++ > 0) break;
      k--;
    }
    if (k >= 0 && toks[k].breakBefore >= 1 && (!entry.ambiguous || adjective)) aim = { factor: TUNE.vocative, pattern: 'vocative', negated: false };
  }
  for (let k = first - 1, steps = 0; !aim && k >= 0 && steps < 8; k--, steps++) {
    if (toks[k + 1].breakBefore === 2 || toks[k].quoted) break;
    const w = hasLongRun(toks[k].norm) ? squeeze(toks[k].norm) : toks[k].norm;
    const gap = TUNE.gap ** gaps;
    target = k;
    // "you're", "they're", "he's": the copula is in the word.
    if (w === 'youre' || w === 'theyre' || CONTRACTED_COPULA.has(w)) copula = true;
    if (SECOND.has(w)) {
      aim = { factor: TUNE.direct * gap, pattern: copula ? 'you are X' : 'you X', negated };
      break;
    }
    if (SECOND_POSS.has(w)) {
      const after = toks[k + 1].norm;
      const clauseEnd = !inSentence(next) || next.breakBefore === 1 || STOPWORDS.has(next.norm);
      // "your a retard", "ur such an idiot", "your dumb.": your = you're.
      if (/^(a|an|such|so|one|the|just|really|being|are|totally|completely|very|too)$/.test(after) || copula || (pos === 'a' && k === first - 1 && clauseEnd)) {
        aim = { factor: TUNE.direct * gap, pattern: 'you are X', negated };
      } else if (pos === 'n' || pos === 'q') {
        const quality = entry.kind === 'intellect' ? TUNE.yourQualityIntellect : TUNE.yourQuality;
        aim = { factor: (pos === 'q' ? quality : TUNE.yourNoun) * gap, pattern: 'your X', negated };
      } else {
        aim = { factor: 0.3 * gap, pattern: 'your X', negated };
      }
      break;
    }
    if (FIRST.has(w)) {
      aim = { factor: TUNE.self, pattern: 'self', negated };
      break;
    }
    // "Are people really that stupid?", "is he insane?": a question puts the copula before the subject.
    const inverted = !copula && k > 0 && toks[k].breakBefore === 0 && INVERTED_COPULA.has(toks[k - 1].norm);
    if (GROUP.has(w)) {
      aim = { factor: (copula || inverted || pos === 'n' ? TUNE.group : 0.5) * gap, pattern: 'they are X', negated };
      break;
    }
    if (THIRD.has(w)) {
      aim = { factor: (copula || inverted || pos === 'n' ? TUNE.third : 0.4) * gap, pattern: 'someone is X', negated };
      break;
    }
    if ((w === 'what' || w === 'hey' || w === 'oi') && pos !== 'a' && pos !== 'x') {
      aim = { factor: (w === 'what' ? TUNE.exclaim : TUNE.vocative) * gap, pattern: w === 'what' ? 'what a X' : 'hey X', negated };
      break;
    }
    if (w === 'another' && pos === 'n') {
      // "Another political hack.", "Another idiot who …": a sentence opening on "another X" labels someone.
      if (toks[k].breakBefore === 2) {
        aim = { factor: TUNE.exclaim * gap, pattern: 'another X', negated };
        break;
      }
      continue;
    }
    if (w === 'such' && k === first - 1 && pos === 'n') {
      // "such hypocrites" (no article): an exclamation about the people addressed, unless a subject comes first.
      such = true;
      continue;
    }
    if (NEGATION.has(w)) {
      // Only a negator inside the phrase negates it ("not a total idiot"), not one a few words away, nor one before
      // an earlier term ("you're not stupid, just dumb": "dumb" stands).
      if (skips === 0 && !pastHit) negated = true;
      continue;
    }
    if (REPORTING.has(w)) {
      reported = true;
      continue;
    }
    if (COPULA.has(w)) {
      // "don't be such a pussy", "stop being a troll", "Be a man, not a coward": said to the reader.
      const before = k > 0 && toks[k].breakBefore < 2 ? toks[k - 1].norm : '';
      if ((w === 'be' || w === 'being') && (toks[k].breakBefore === 2 || /^(dont|stop|quit|never|just|please)$/.test(before))) {
        aim = { factor: TUNE.direct * gap, pattern: "don't be X", negated: false };
        break;
      }
      copula = true;
      continue;
    }
    if (covered[k]) pastHit = true;
    if (covered[k] || SKIP.has(w) || AUX_QUESTION.has(w) || (w.length > 4 && w.endsWith('ly'))) continue;
    // An unknown word: the subject when a copula sits between it and the hit.
    if (copula) {
      const t = toks[k];
      if (THING.has(w)) aim = { factor: pos === 'n' && !entry.ambiguous ? 0.5 : 0, pattern: 'it is X', negated };
      else if (/^\p{Lu}/u.test(text.slice(t.start, t.start + 1)) && t.breakBefore !== 2) {
        aim = { factor: TUNE.name, pattern: '<name> is X', negated };
      } else if (w.endsWith('s') && toks[k + 1]?.norm === 'are') {
        aim = { factor: TUNE.group, pattern: 'they are X', negated };
      } else aim = { factor: pos === 'n' && !entry.ambiguous ? TUNE.unknownNoun : TUNE.unknownAdj, pattern: 'someone is X', negated };
      break;
    }
    const article = k > 0 && /^(a|an|such)$/.test(toks[k - 1].norm) && toks[k].breakBefore === 0;
    if (skips < 2 && pos === 'n' && !entry.ambiguous) {
      skips++;
      if (!article) gaps++;
      continue;
    }
    // "you lying snake", "a political hack", "what a contemptuous clown": an everyday noun may take one modifier of
    // its own, a word right before it (nothing but intensifiers between: "the" in "you see the snake" ends it).
    if (skips === 0 && pos === 'n' && entry.ambiguous && !STOPWORDS.has(w) && toks[k + 1].breakBefore === 0 && modifierOf(toks, k, first, text)) {
      skips++;
      if (!article) gaps++;
      continue;
    }
    // "you are offensive and stupid": skip one coordinated adjective.
    if (skips === 0 && pos === 'a' && (toks[k + 1].norm === 'and' || toks[k + 1].norm === 'or' || toks[k + 1].breakBefore === 1)) {
      skips++;
      gaps++;
      continue;
    }
    break;
  }
  // "those who call them traitors", "you called me an idiot": the words are reported, not said.
  if (aim && aim.factor > 0) {
    const stop = aim.pattern === 'vocative' || target < 0 ? -1 : target - 2;
    for (let k = first - 1, n = 0; k > stop && k >= 0 && n < 10 && toks[k + 1].breakBefore < 2; k--, n++) {
      if (REPORTING.has(toks[k].norm) || (toks[k].norm === 'though' && toks[k - 1]?.norm === 'as')) {
        reported = true;
        break;
      }
    }
  }
  // "what a contemptuous clown he is", "how crazy they are": the subject comes after.
  if ((!aim || aim.factor === 0) && inSentence(next) && inSentence(next2) && /^(he|she|they)$/.test(next.norm) && /^(is|are|was|were|looks?|sounds?|seems?)$/.test(next2.norm)) {
    aim = { factor: next.norm === 'they' ? TUNE.group : TUNE.third, pattern: `X ${next.norm} ${next2.norm}`, negated: false };
  }
  const predicated = copula && aim !== null && (aim.pattern === 'you are X' || aim.pattern === 'they are X' || aim.pattern === 'someone is X');
  if (!aim && such) aim = { factor: TUNE.exclaim, pattern: 'such X', negated };
  if (!aim) aim = { factor: 0, pattern: 'untargeted', negated };
  // An adjective followed by a thing-noun is about the thing ("stupid idea", "ignorant comments"); one followed by a
  // person ("evil godless man", "disgusting liberals") is a noun phrase about that person.
  if (pos === 'a' && aim.pattern !== 'X personified') {
    let j = last + 1;
    while (j < toks.length && toks[j].breakBefore === 0 && SKIP.has(toks[j].norm) && !NEXT_NOT_THING.test(toks[j].norm) && !covered[j]) j++;
    const n = toks[j];
    if (n && n.breakBefore === 0 && !covered[j] && !NEXT_NOT_THING.test(n.norm) && (!STOPWORDS.has(n.norm) || PERSON_NOUNS.has(n.norm))) {
      let person = false;
      for (let q = j; q < Math.min(toks.length, j + 3) && (q === j || toks[q].breakBefore === 0); q++) {
        if (PERSON_NOUNS.has(toks[q].norm) || covered[q]) {
          person = true;
          break;
        }
      }
      // "you are a stupid writer": after "you are (a)", the noun phrase is what the person is said to be.
      if (!person && predicated && !THING.has(n.norm)) person = true;
      // "you ignorant dupes", "you pathetic little man": "you" + adjective + noun is the person addressed.
      if (!person && aim.pattern === 'you X' && target >= 0 && !THING.has(n.norm) && (j + 1 >= toks.length || toks[j + 1].breakBefore > 0)) {
        let between = true;
        for (let q = target + 1; q < first && between; q++) if (DETERMINER.has(toks[q].norm) || !SKIP.has(toks[q].norm)) between = false;
        if (between) person = true;
      }
      // "Crooked Hillary", "Sleazy CNN": an adjective right before a name (one or two capitalised words, then lower
      // case or the end of the phrase) is an epithet for that person, unless the whole run is in title case.
      if (!person && aim.pattern === 'untargeted' && j === last + 1 && isName(toks, j, text)) {
        let e = j;
        if (toks[e + 1] && toks[e + 1].breakBefore === 0 && isName(toks, e + 1, text)) e++;
        const after = toks[e + 1];
        // ... and then a verb or a function word ("Crooked Hillary is", "Evil Hillary strikes"), not a noun it
        // modifies ("a stupid Google update").
        if (!after || after.breakBefore > 0 || STOPWORDS.has(after.norm) || /(s|ed|ing)$/.test(after.norm)) {
          aim = { ...aim, factor: TUNE.name, pattern: 'X <name>' };
          person = true;
        }
      }
      if (!person) aim = { ...aim, factor: 0, pattern: `${aim.pattern}, about a thing` };
      else if (aim.pattern === 'untargeted') {
        // "Pathetic little boy." — an adjective and a person noun making up the whole sentence: a vocative.
        let end = j;
        while (end + 1 < toks.length && toks[end + 1].breakBefore === 0 && (PERSON_NOUNS.has(toks[end + 1].norm) || covered[end + 1])) end++;
        const alone = toks[first].breakBefore >= 1 && (end + 1 >= toks.length || toks[end + 1].breakBefore >= 1);
        const after = toks[end + 1];
        let what = false;
        for (let k = first - 1; k >= 0 && k >= first - 4 && toks[k + 1].breakBefore === 0; k--) {
          if (toks[k].norm === 'what' || toks[k].norm === 'such') what = true;
          if (what || !SKIP.has(toks[k].norm)) break;
        }
        if (after && after.breakBefore === 0 && SECOND.has(after.norm) && !after.quoted) {
          // "What a pathetic little man you are."
          aim = { ...aim, factor: TUNE.direct, pattern: 'X you are' };
        } else if (what) aim = { ...aim, factor: TUNE.exclaim, pattern: 'what a X' };
        else aim = alone ? { ...aim, factor: TUNE.vocative, pattern: 'vocative' } : { ...aim, factor: TUNE.untargetedNoun, pattern: 'untargeted' };
      }
    }
  }
  // "sick of being overrun", "ignorant of the rules": an adjective with an "of" complement tells a state, not a label.
  if (pos === 'a' && inSentence(next) && next.norm === 'of' && !(inSentence(next2) && /^(a|an)$/.test(next2.norm))) aim = { ...aim, factor: 0, pattern: `${aim.pattern}, X of` };
  // "as naive as you were told": a comparison, not a label.
  if (pos === 'a' && toks[first - 1]?.norm === 'as' && toks[last + 1]?.norm === 'as') aim = { ...aim, factor: aim.factor * 0.5 };
  if (reported) aim = { ...aim, factor: aim.factor * TUNE.reported, pattern: `${aim.pattern}, reported` };
  return negated ? { ...aim, negated: true } : aim;
}

/** A person (you, he, they, an @mention) in the same sentence as token i. */
function sentenceHasPerson(toks: Token[], i: number, text: string): boolean {
  let a = i;
  while (a > 0 && toks[a].breakBefore < 2) a--;
  for (let k = a; k < toks.length && (k === a || toks[k].breakBefore < 2); k++) {
    const t = toks[k];
    if (t.quoted) continue;
    if (PERSON_PRONOUNS.has(t.norm) || (t.start > 0 && text[t.start - 1] === '@')) return true;
  }
  return false;
}

export const insultRule: RuleDefinition<InsultConfig> = {
  type: 'insult',
  description: 'Name-calling and contempt aimed at a person or group, including obfuscated spellings.',
  schema: insultConfigSchema,
  compile(config) {
    const lex = new InsultLexicon(config.extraTerms, config.allowTerms);
    const profanityWeight = config.countUntargetedProfanity ? 0.6 : 0;

    return (input) => {
      const hits: Hit[] = [];
      let youCount = 0;
      let profanity = 0;
      let quotedHits = 0;
      for (const { field, text } of commentFields(input)) {
        if (!text) continue;
        const parentText = input.parent ? `${input.parent.title ?? ''}\n${input.parent.body}` : null;
        const toks = tokenize(text, quotedRanges(text, parentText));
        const covered = new Uint8Array(toks.length);
        const fieldHits: Hit[] = [];
        for (let i = 0; i < toks.length; i++) {
          const t = toks[i];
          if (!t.quoted && (SECOND.has(t.norm) || (t.start > 0 && text[t.start - 1] === '@'))) youCount++;
          let entry: LexiconEntry | null = null;
          let last = i;
          let phrase = matchPhrase(lex, toks, i);
          // "whoever the fuck you want", "what the fuck you doing": "the fuck" is an intensifier, not "fuck you".
          if (phrase && phrase.entry.kind === 'profanity' && i > 0 && toks[i - 1].norm === 'the' && t.breakBefore === 0 && SECOND.has(toks[phrase.last].norm)) phrase = null;
          // "suck it up, quit whining": to endure, not "suck it".
          if (phrase && phrase.entry.term === 'suck it' && toks[phrase.last + 1]?.norm === 'up' && toks[phrase.last + 1].breakBefore === 0) phrase = null;
          if (phrase) {
            entry = phrase.entry;
            last = phrase.last;
          } else {
            entry = lex.info(t.shape).entry;
            if (entry?.upperOnly && !t.upper) entry = null;
            // "he'll", "we'd": a contraction is never the swear word it folds to.
            if (entry && t.apos && entry.pos === 'x') entry = null;
            // "half wit", "loud mouth", "fi lth": a term split in two by one space, when neither part is a common word
            // nor a term of its own ("in human", "who re" stay apart).
            const n = toks[i + 1];
            if (!entry && n && n.breakBefore === 0 && n.start - t.end === 1 && lex.info(t.shape).joinHead && lex.info(n.shape).joinTail && t.norm.length + n.norm.length >= 5 && text[t.end] === ' ' && !n.quoted) {
              // The term itself or its plural, not a stemmer's guess ("murder rate" is no murderer).
              const e = lex.joined(t.norm, n.norm);
              if (e) {
                entry = e;
                last = i + 1;
              }
            }
            // s p a c e d letters: three or more one-letter tokens in a row, read as one word.
            if (!entry && t.norm.length === 1) {
              let j = i;
              let joined = t.norm;
              while (j + 1 < toks.length && toks[j + 1].norm.length === 1 && toks[j + 1].start - toks[j].end <= 2 && !text.slice(toks[j].end, toks[j + 1].start).includes('\n')) {
                j++;
                joined += toks[j].norm;
              }
              if (j - i >= 2) {
                const e = lex.lookup(joined);
                if (e) {
                  entry = e;
                  last = j;
                }
              }
              // "a s s hole": letters, then the rest of the word.
              const tail = toks[j + 1];
              if (j - i >= 1 && tail && tail.start - toks[j].end <= 2 && tail.breakBefore !== 2) {
                const e = lex.lookup(joined + tail.norm);
                if (e && (!entry || e.severity >= entry.severity)) {
                  entry = e;
                  last = j + 1;
                }
              }
            }
          }
          if (!entry) continue;
          // "He is a known racist.": a term that is an adjective and a noun, after an article and with no noun after
          // it, is the noun.
          if (last === i && entry.pos === 'a') {
            const noun = lex.nounOf(entry);
            const after = toks[i + 1];
            if (noun && (!after || after.breakBefore > 0 || STOPWORDS.has(after.norm))) {
              let article = false;
              for (let k = i - 1; k >= 0 && k >= i - 3 && toks[k + 1].breakBefore < 2 && !article; k--) article = /^(a|an|the|such)$/.test(toks[k].norm);
              if (article) entry = noun;
            }
          }
          // A person noun used as a verb is not name-calling ("this might fool voters").
          if (entry.pos === 'n' && last === i && i > 0 && VERB_CONTEXT.has(toks[i - 1].norm) && toks[i].breakBefore === 0) continue;
          if (t.quoted) {
            quotedHits++;
            i = last;
            continue;
          }
          for (let k = i; k <= last; k++) covered[k] = 1;
          fieldHits.push({ field, first: i, last, start: t.start, end: toks[last].end, entry, aim: { factor: 0, pattern: '', negated: false }, weight: 0 });
          i = last;
        }
        for (const h of fieldHits) {
          h.aim = aimOf(toks, h.first, h.last, h.entry, covered, text);
          if (h.entry.pos === 'x' && h.aim.pattern === 'untargeted' && !h.aim.negated && sentenceHasPerson(toks, h.first, text)) {
            h.aim = { factor: TUNE.profanityAtPerson, pattern: 'profanity at someone', negated: false };
          }
          const after = toks[h.last + 1];
          if (h.entry.pos === 'x' && after && after.breakBefore === 0 && !covered[h.last + 1] && after.norm.length > 4 && after.norm.endsWith('ing')) h.beforeVerb = true;
          // An adjective before a person noun covers the noun too ("stupid people").
          hits.push(h);
        }
      }

      // Weights, now that we know whether the comment addresses someone.
      let keep = 1;
      const spans: EvidenceSpan[] = [];
      const terms = new Set<string>();
      const patterns = new Set<string>();
      const negated = new Set<string>();
      for (const h of hits) {
        const e = h.entry;
        let factor = h.aim.factor;
        if (h.aim.pattern === 'untargeted') {
          if (e.pos === 'x') {
            profanity++;
            factor = profanityWeight;
          } else if (e.kind === 'slur') factor = TUNE.untargetedSlur;
          else if (e.pos === 'n' && !e.ambiguous) factor = youCount > 0 ? TUNE.untargetedNounAddressed : TUNE.untargetedNoun;
        }
        if (e.pos === 'x' && h.aim.pattern !== 'untargeted') {
          profanity++;
          // "you screwed the country", "you shit me not": a swear word used as a verb after "you" is not a label.
          const verb = h.aim.pattern === 'you X' && ((e.term !== 'fucking' && e.term !== 'fuckin') || h.beforeVerb === true);
          if (h.aim.pattern !== 'profanity at someone') factor = Math.max(profanityWeight, factor * (verb ? TUNE.profanityVerb : TUNE.profanityAimed));
        }
        if (h.aim.negated) {
          negated.add(e.term);
          continue;
        }
        const w = Math.min(0.97, SEVERITY_WEIGHT[e.severity] * factor);
        h.weight = w;
        if (w < 0.1) continue;
        keep *= 1 - w;
        const text = h.field === 'title' ? input.comment.title ?? '' : input.comment.body;
        spans.push({ field: h.field, start: h.start, end: h.end, text: text.slice(h.start, h.end), label: `${e.term} (${e.kind}, ${h.aim.pattern})` });
        terms.add(e.term);
        patterns.add(h.aim.pattern);
      }
      // A small prior for ranking: comments that address "you" or swear are likelier insults. Never fires alone.
      const prior = Math.min(4 * TUNE.prior, TUNE.prior * youCount) + (profanity > 0 ? TUNE.priorProfanity : 0);
      keep *= 1 - prior;
      const score = Math.round((1 - keep) * 10000) / 10000;
      const fired = score >= config.threshold;
      return {
        score,
        threshold: config.threshold,
        evidence: {
          summary: spans.length
            ? `${fired ? 'insult' : 'below threshold'}: ${[...terms].join(', ')} (${[...patterns].join('; ')})`
            : 'no insult',
          spans,
          terms: [...terms],
          patterns: [...patterns],
          ...(negated.size ? { negated: [...negated] } : {}),
          ...(quotedHits ? { quotedIgnored: quotedHits } : {}),
        },
      };
    };
  },
};
