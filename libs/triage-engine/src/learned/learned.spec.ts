import { BucketCounter, countsOf, HASHING, wordsOf } from './hashing.js';
import { inventedDecisions as corpus } from './invented-corpus.js';
import { decodeModel, encodeModel } from './model.js';
import { LearnedScorer } from './scorer.js';
import { idfOf, tfidf, trainLogistic } from './sgd.js';
import { bestThreshold, fitStack } from './stack.js';
import { learningCurve, scoreWith, trainInsultModel } from './train.js';


describe('learned scorer: features', () => {
  it('finds words with their spans in the original text, lower-cased, inner apostrophes kept', () => {
    const text = 'Oh, YOU’re the Glorbnik!';
    const words = wordsOf('body', text);
    expect(words.map((w) => w.text)).toEqual(["oh", "you're", 'the', 'glorbnik']);
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual(['Oh', 'YOU’re', 'the', 'Glorbnik']);
  });

  it('hashes the same text to the same buckets, all in range, with word, pair and character n-grams', () => {
    const counter = new BucketCounter(HASHING);
    const a = countsOf(counter, [{ field: 'body', text: 'you glorbnik' }]);
    const b = countsOf(counter, [{ field: 'body', text: 'you glorbnik' }]);
    expect(Array.from(a.idx)).toEqual(Array.from(b.idx));
    expect(Math.max(...a.idx)).toBeLessThan(1 << HASHING.bits);
    // 2 words + 1 pair + char 2–5-grams of " you " (4+3+2+1) and " glorbnik " (9+8+7+6): 43 emitted, few collide.
    expect(Array.from(a.tf).reduce((s, x) => s + x, 0)).toBe(43);
  });
});

describe('learned scorer: word scanner', () => {
  // The reference: what the features read as words (the scanner avoids a match array and substrings per word).
  const reference = (text: string) =>
    [...text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)].map((m) => [m.index, m.index + m[0].length, m[0].toLowerCase().replace(/’/g, "'")]);
  const scanned = (text: string) => wordsOf('body', text).map((w) => [w.start, w.end, w.text]);

  it.each([
    "Don’t you'RE rock'n'roll ''quoted'' it's' 'tis",
    'İSTANBUL ΣΊΣΥΦΟΣ straße Ǆungla 𝒜𝒷𝒸 ١٢٣ x😀y 😀idiot😀 e\u0301 \ud800 lone',
    'MiXeD123 a_b a-b a.b',
    '',
  ])('finds the same words as the regex, lower-cased the same: %j', (text) => {
    expect(scanned(text)).toEqual(reference(text));
  });

  it('agrees with the regex on random text from a hostile alphabet', () => {
    const alphabet = ['a', 'Z', '7', ' ', "'", '’', 'İ', 'Σ', 'ß', '𝒜', '😀', '\u0301', '\ud800', '-', 'É', 'ǅ', '٣'];
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 500; k++) {
      const text = Array.from({ length: 1 + Math.floor(rnd() * 30) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      expect(scanned(text)).toEqual(reference(text));
    }
  });
});

describe('learned scorer: training', () => {
  it('learns a separable problem with averaged SGD', () => {
    const counter = new BucketCounter(HASHING);
    const rows = corpus(90);
    const docs = rows.map((r) => countsOf(counter, [{ field: 'body', text: r.body }]));
    const idf = idfOf(docs, 1 << HASHING.bits);
    const { w, bias } = trainLogistic(
      docs.map((d) => tfidf(d, idf)),
      rows.map((r) => r.label),
      1 << HASHING.bits,
      { lambda: 1e-4, epochs: 5, eta0: 0.5, averageAfter: 1, seed: 1 },
    );
    const margin = (i: number) => docs[i].idx.reduce((s, b, k) => s + w[b] * tfidf(docs[i], idf).val[k], bias);
    expect(rows.every((r, i) => margin(i) > 0 === r.label)).toBe(true);
  });

  it('is deterministic: the same decisions give the same fingerprint, weights and threshold', () => {
    const a = trainInsultModel(corpus(150)).model!;
    const b = trainInsultModel(corpus(150)).model!;
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.threshold).toBe(b.threshold);
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
    expect(trainInsultModel(corpus(150, 8)).model!.fingerprint).not.toBe(a.fingerprint);
  });

  it('weak rows widen the SGD fits only: the stacker, threshold and CV metrics come from the decisions alone', () => {
    const decisions = corpus(150);
    const plain = trainInsultModel(decisions).model!;
    // Weak negatives: civil remarks no one decided, and one unreported insult among them (the noise they carry).
    const weak = corpus(60, 9)
      .filter((r) => !r.label)
      .map((r) => ({ ...r, weak: 0.3 }));
    weak.push({ title: null, body: 'honestly, you snarfwit', label: false, lexicon: 0, weak: 0.3 });
    const withWeak = trainInsultModel([...decisions, ...weak]).model!;
    expect(withWeak.cv).toMatchObject({ n: 150, positives: 50 });
    expect(withWeak.docs).toBe(150 + weak.length);
    expect(withWeak.fingerprint).not.toBe(plain.fingerprint);
    expect(Buffer.from(withWeak.weights.buffer).equals(Buffer.from(plain.weights.buffer))).toBe(false);
    // Weak rows alone never make a model: the minimum counts are of decisions.
    expect(trainInsultModel([...decisions.slice(0, 40), ...weak]).reason).toBe('40 labels; the model needs at least 50');
    // A weight scales the gradient: weight 1 on the same rows moves the weights further than 0.3.
    const heavy = trainInsultModel([...decisions, ...weak.map((r) => ({ ...r, weak: 1 }))]).model!;
    const dist = (a: Float32Array) => Math.hypot(...Array.from(a, (x, i) => x - plain.weights[i]).filter((x) => x !== 0));
    expect(dist(heavy.weights)).toBeGreaterThan(dist(withWeak.weights));
  });

  it('cross-validates and stacks: out-of-fold AUC and F1 are recorded with the lexicon alone beside them', () => {
    const { model } = trainInsultModel(corpus(150));
    expect(model!.cv).toMatchObject({ folds: 5, n: 150, positives: 50 });
    expect(model!.cv.auc).toBeGreaterThan(0.95);
    expect(model!.cv.f1).toBeGreaterThan(0.9);
    expect(model!.cv.lexiconAuc).toBe(0.5); // every lexicon score is 0 in this corpus
    expect(model!.stack.learned).toBeGreaterThan(0);
  });

  it('with too few decisions there is no model, and the reason says why', () => {
    expect(trainInsultModel(corpus(30))).toEqual({ model: null, reason: '30 labels; the model needs at least 50' });
    const onlyCivil = corpus(200).filter((r) => !r.label);
    expect(trainInsultModel(onlyCivil).reason).toMatch(/0 insults and \d+ others; the model needs at least 10 of each/);
  });

  it('measures a learning curve on a held-out fifth', () => {
    const curve = learningCurve(corpus(300), [60, 200, 1000]);
    expect(curve.map((c) => c.size)).toEqual([60, 200]);
    expect(curve[1].auc).toBeGreaterThan(0.95);
  });
});

describe('learned scorer: stacking and thresholds', () => {
  it('fits the stack weights to whichever score separates the labels', () => {
    const labels = [true, true, true, false, false, false, true, false];
    const lexicon = [0.9, 0.8, 0.1, 0.2, 0.1, 0.7, 0.6, 0.3];
    const margins = [2, 1.5, 1.2, -1, -2, -1.5, 0.8, -0.5];
    const w = fitStack(margins, lexicon, labels);
    expect(w.learned).toBeGreaterThan(Math.abs(w.lexicon));
  });

  it('picks the F1-best threshold, or the lowest reaching a precision', () => {
    const scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4];
    const labels = [true, true, false, true, false, false];
    expect(bestThreshold(scores, labels)).toBe(0.6); // 3 of 4 flagged are insults, all 3 found: F1 0.857
    expect(bestThreshold(scores, labels, 1)).toBe(0.8);
  });
});

describe('learned scorer: the artifact and the insult rule', () => {
  const { model } = trainInsultModel(corpus(150));

  it('survives JSON and back with the same scores', () => {
    const back = decodeModel(JSON.parse(JSON.stringify(encodeModel(model!))));
    const rows = [{ title: null, body: 'seriously, you snarfwit', lexicon: 0 }, { title: 'Bus', body: 'thanks for the report', lexicon: 0.2 }];
    expect(scoreWith(back, rows)).toEqual(scoreWith(model!, rows));
    expect(back.cv).toEqual(model!.cv);
  });

  it.each([
    [{ format: 2 }, /format 2 is not 1/],
    [{ threshold: 3 }, /threshold: expected 0–1/],
    [{ idf: "AAAAAA==" }, /idf: 1 values/],
    [{ stack: { learned: 'x', lexicon: 1, bias: 0 } }, /stack.learned: expected a finite number/],
  ])('refuses a damaged artifact (%j), naming the field', (patch, message) => {
    expect(() => decodeModel({ ...encodeModel(model!), ...patch })).toThrow(message);
  });

  it('explains the comment it scored last without featurising it again, as explain does', () => {
    const scorer = new LearnedScorer(model!);
    const fields = [
      { field: 'title' as const, text: 'Blunderkopf again' },
      { field: 'body' as const, text: 'Wow, you Blunderkopf, again. You absolute glorbnik' },
    ];
    const margin = scorer.margin(fields);
    const last = scorer.explainLast(5);
    expect(last).toEqual(new LearnedScorer(model!).explain(fields, 5));
    expect(last.some((c) => c.field === 'title')).toBe(true);
    expect(scorer.margin(fields)).toBe(margin);
  });

  it('explains a score by the words that pushed it, with their spans', () => {
    const text = 'Wow, you Blunderkopf, again';
    const top = new LearnedScorer(model!).explain([{ field: 'body', text }]);
    expect(top.length).toBeGreaterThan(0);
    expect(top[0].text).toMatch(/Blunderkopf/);
    expect(text.slice(top[0].start, top[0].end)).toBe(top[0].text);
    expect(top[0].weight).toBeGreaterThan(0);
  });
});
