import { foldToken, squeeze } from './fold.js';
import { InsultLexicon } from '../insult/lexicon-index.js';
import { builtinEntries } from '../insult/lexicon.js';
import fc from 'fast-check';
import { contentTerms, distinct, ReferenceIndex, overlap, scanWords, ThreadFeedback, type Term } from '../off-topic/relevance.js';
import { dominantScript, englishStopwordRatio, noEnglishStopword } from './script.js';
import { quotedRanges, scanTokenWords, tokenize } from './tokens.js';

describe('text helpers', () => {
  it.each([
    ['1d10t', 'idiot'],
    ['M0R0N', 'moron'],
    ['a$$', 'ass'],
    ['b!tch', 'bitch'],
    ["you're", 'youre'],
    ['Ídíót', 'idiot'],
    ['іdіоt', 'idiot'],
    ['ｍｏｒｏｎ', 'moron'],
    ['2nd', '2nd'],
    ['brenda55', 'brenda55'],
    ['2016', '2016'],
  ])('folds %j to %j', (raw, folded) => expect(foldToken(raw).text).toBe(folded));

  it('squeezes repeated letters', () => expect(squeeze('stuuuupiiid')).toBe('stupid'));

  it('reads the same word the same way every time (memoised shapes keep offsets per occurrence)', () => {
    const text = '"idiot" and idiot, @idiot';
    const a = tokenize(text);
    const b = tokenize(text);
    expect(b).toEqual(a);
    expect(a.map((t) => [t.norm, text.slice(t.start, t.end)])).toEqual([
      ['idiot', 'idiot'],
      ['and', 'and'],
      ['idiot', 'idiot'],
      ['idiot', 'idiot'],
    ]);
  });

  it('gives shared, identical terms for repeated words', () => {
    const words: string[] = [];
    const t = contentTerms('Budget budget BUDGET', words);
    expect(t.map((x) => x.stem)).toEqual(['budget', 'budget', 'budget']);
    expect(words).toEqual(['budget', 'budget', 'budget']);
    expect(Object.isFrozen(t[0])).toBe(true);
  });

  it('tokenizes with offsets into the original text', () => {
    const text = '@USER You’re a f**k1ng 1d10t!!';
    const toks = tokenize(text);
    expect(toks.map((t) => [t.norm, text.slice(t.start, t.end)])).toEqual([
      ['user', 'USER'],
      ['youre', 'You’re'],
      ['a', 'a'],
      ['f**king', 'f**k1ng'],
      ['idiot', '1d10t'],
    ]);
  });

  it('finds quoted material: > lines (when the comment has its own lines too) and quotation marks', () => {
    const text = '> you are wrong\nNo, "idiot" is not an argument.';
    const r = quotedRanges(text);
    expect(r.length).toBe(4);
    expect(text.slice(r[0], r[1])).toBe('> you are wrong');
    expect(text.slice(r[2], r[3])).toBe('"idiot"');
    expect(quotedRanges('> only quoted lines\n> here')).toEqual([]);
  });

  it('starts a phrase after the @mentions a comment opens with, not after one inside it', () => {
    expect(tokenize('@jo @sam crazy liberals').map((t) => t.breakBefore)).toEqual([2, 0, 1, 0]);
    expect(tokenize('thanks @jo for it').map((t) => t.breakBefore)).toEqual([2, 0, 0, 0]);
  });

  it('skips HTML entities ("&amp;" is no word and its ; ends no sentence) and keeps the "is" of "he\'s"', () => {
    expect(tokenize('vile &amp; hateful').map((t) => [t.norm, t.breakBefore])).toEqual([
      ['vile', 2],
      ['hateful', 0],
    ]);
    expect(tokenize("he's done, the regime's end").map((t) => t.norm)).toEqual(['hes', 'done', 'the', 'regime', 'end']);
  });

  it('reads a camel-case hashtag word by word, with offsets into the original', () => {
    const text = 'so #IdiotAlert again';
    expect(tokenize(text).map((t) => [t.norm, text.slice(t.start, t.end), t.breakBefore])).toEqual([
      ['so', 'so', 2],
      ['idiot', 'Idiot', 1],
      ['alert', 'Alert', 0],
      ['again', 'again', 0],
    ]);
    expect(tokenize('#MAGA #maga').map((t) => t.norm)).toEqual(['maga', 'maga']);
  });

  it('reads a hashtag as a phrase of its own', () => {
    const toks = tokenize('she lied again #Liar #CNN');
    expect(toks.map((t) => [t.norm, t.breakBefore])).toEqual([
      ['she', 2],
      ['lied', 0],
      ['again', 0],
      ['liar', 1],
      ['cnn', 1],
    ]);
  });

  it('reads a CSV-escaped comment ("…"" …") as the text it encodes: "" is one quote mark, the outer ones wrap it', () => {
    // One escaped mark, left unpaired by the writer: nothing is quoted.
    expect(quotedRanges('"Thanks a lot"" for nothing, he is a liar."')).toEqual([]);
    // Two escaped marks: the words between them are quoted.
    const text = '"He said ""you are wrong"" and left."';
    const r = quotedRanges(text);
    expect(r.length).toBe(2);
    expect(text.slice(r[0], r[1])).toBe('"you are wrong""');
  });

  it('reads lexicon words through inflection, spelling slips and masks, but not into other words', () => {
    const lex = new InsultLexicon();
    expect(lex.lookup('hypocrits')?.term).toBe('hypocrite');
    expect(lex.lookup('idiots')?.term).toBe('idiot');
    expect(lex.lookup('f**k')?.term).toBe('fuck');
    expect(lex.lookup('d*ck')?.term).toBe('dick');
    expect(lex.lookup('dumbass')?.term).toBe('dumbass');
    expect(lex.lookup('libtards')?.term).toBe('libtard');
    expect(lex.lookup('jeeneeass')?.term).toBe('-ass');
    expect(lex.lookup('fucken')?.term).toBe('fucking');
    expect(lex.lookup('fuckingloser')?.term).toBe('loser');
    // A noun made from an adjective or a name is not it ("corruption" is not "corrupt").
    for (const w of ['class', 'compass', 'embarrass', 'mustard', 'standard', 'home', 'assess', 'scunthorpe', 'corruption', 'sickness', 'retardation']) {
      expect(lex.lookup(w)).toBeNull();
    }
  });

  it('grades every lexicon entry by severity and groups it by kind', () => {
    const entries = builtinEntries();
    const kinds = new Set(entries.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['appearance', 'character', 'dehumanising', 'intellect', 'profanity', 'slur']);
    for (const e of entries) expect([1, 2, 3]).toContain(e.severity);
  });

  it('measures overlap on stems, weighting common words down', () => {
    const ref = new ReferenceIndex([['Belgium is ground zero for jihadi terrorism', 2]]);
    const o = overlap(distinct(contentTerms('Belgian terrorists and the jihadi networks')).terms, ref);
    expect(o.shared).toBeGreaterThan(2);
    expect(overlap(distinct(contentTerms('I like pancakes')).terms, ref).shared).toBe(0);
  });

  it('names the dominant script and the share of English function words', () => {
    expect(dominantScript('Hello world')).toBe('Latin');
    expect(dominantScript('Привет, мир')).toBe('Cyrillic');
    expect(dominantScript('!!')).toBeNull();
    expect(englishStopwordRatio('the cat is on the mat')).toBeGreaterThan(0.5);
    expect(englishStopwordRatio('hola', 5)).toBe(-1);
    expect(dominantScript('ab')).toBeNull();
    expect(dominantScript('Hello, Привет мир мир')).toBe('Cyrillic');
    for (const [text, min] of [
      ['Dies ist ein ganz anderer Satz ohne englische Wörter hier', 8],
      ['the cat is on the mat with a hat', 8],
      ['kurz', 8],
      ['', 1],
      ['uno dos tres cuatro cinco seis siete ocho', 8],
    ] as Array<[string, number]>) {
      expect(noEnglishStopword(text, min)).toBe(englishStopwordRatio(text, min) === 0);
    }
  });

  it.each([
    ['relevance', scanWords, /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu],
    ['tokenizer', scanTokenWords, /[\p{L}\p{M}\p{N}'’@$*#!|]+/gu],
  ] as const)('the %s word scanner finds exactly the words of the regular expression it replaces', (_, scanner, regex) => {
    const scan = (text: string) => {
      const out: string[] = [];
      scanner(text, (a, b) => out.push(`${a}:${text.slice(a, b)}`));
      return out;
    };
    const pieces = fc.constantFrom('a', 'Z', '9', ' ', "'", '’', 'é', 'e\u0301', 'ß', 'Ж', '日', '𝐀', '😀', '\ud835', '-', '.', "don't", 'o’clock', "it's9", "''", '٣', 'ǅ', '_', '@', '$', '*', '#', '!', '|', 'f**k', 'a$$', '\u0301', '&amp;');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.array(pieces, { maxLength: 25 }).map((p) => p.join(''))), (text) => {
        expect(scan(text)).toEqual([...text.matchAll(regex)].map((m) => `${m.index}:${m[0]}`));
      }),
      { numRuns: 5000 },
    );
  });

  it('thread feedback: the per-thread tally scores exactly as summing over the chosen comments one by one', () => {
    // The plain definition: the k comments with most article overlap (stable), and for each term of the comment the
    // Σ weight of its stem over them (first occurrence, stems the article lacks), less its own, counted from 2.
    const naive = (article: ReferenceIndex, thread: Term[][], bodies: string[], terms: Term[], body: string, k = 10) => {
      const shared = thread.map((t) => overlap(distinct(t).terms, article).shared);
      const order = thread.map((_, i) => i).filter((i) => shared[i] > 0);
      order.sort((a, b) => shared[b] - shared[a]);
      const chosen = order.slice(0, k);
      const self = chosen.some((i) => bodies[i] === body);
      let score = 0;
      for (const t of terms) {
        let d = 0;
        let seen = false;
        for (const i of chosen) {
          if (article.stems.has(t.stem)) continue;
          const first = thread[i].find((u) => u.stem === t.stem);
          if (first) {
            d += first.weight;
            seen = true;
          }
        }
        if (!seen) continue;
        if (self) d -= t.weight;
        if (d >= 2) score += (t.weight * d) / Math.max(chosen.length, 1);
      }
      return score;
    };
    const vocab = ['bike', 'lanes', 'parking', 'council', 'shop', 'owners', 'battery', 'watch', 'according', 'actually', 'pension', 'auditor', 'Cycling', 'cyclists', 'street', 'budget'];
    const article = new ReferenceIndex([['Council approves bike lanes', 2], ['Shop owners worry about parking', 1]]);
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...vocab), { minLength: 1, maxLength: 8 }), { minLength: 5, maxLength: 25 }), fc.nat(24), (docs, pick) => {
        const bodies = docs.map((d) => d.join(' '));
        const thread = bodies.map((b) => contentTerms(b));
        const body = bodies[pick % bodies.length];
        const words: string[] = [];
        const uniq = distinct(contentTerms(body, words), words);
        const got = new ThreadFeedback(article, thread, bodies).score(uniq.terms, uniq.words, body).score;
        expect(got).toBeCloseTo(naive(article, thread, bodies, uniq.terms, body), 12);
      }),
      { numRuns: 300 },
    );
  });
});
