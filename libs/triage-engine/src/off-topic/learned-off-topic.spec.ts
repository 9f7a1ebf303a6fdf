import type { RuleInput } from '../contract/rule.js';
import { decodeOffTopicModel, encodeOffTopicModel, OFF_TOPIC_FEATURE_INDEX as F, OFF_TOPIC_FEATURES, trainOffTopicModel } from '../learned/off-topic-model.js';
import { Centroid, threadIdf } from './centroid.js';
import { offTopicConfigSchema, offTopicDecisions, offTopicRule } from './off-topic.rule.js';
import { Vocabulary } from './terms.js';

// Invented texts only: a local article, its thread (on-topic remarks and a side discussion), and comments to judge.
const ARTICLE = { title: 'Council approves new bike lanes on Main Street', subtitle: null, body: 'Protected lanes replace forty parking spaces; construction starts in spring.' };
const ON = [
  'Protected bike lanes on Main Street will make my commute safer.',
  'Losing forty parking spaces will hurt the shops on Main Street.',
  'The lanes should have been built years ago, cyclists deserve them.',
  'Construction in spring means the bike lanes open by summer.',
  'Parking was already hard to find on Main Street before the lanes.',
  'Cyclists and drivers can share Main Street if the lanes are protected.',
];
const SIDE = ['The hockey team lost again last night.', 'That hockey coach should be fired after this season.', 'Hockey tickets cost too much this season anyway.'];
const RUSSIAN = ['Велосипедные дорожки на главной улице очень нужны всем нам.', 'Хорошо, что совет наконец построит эти дорожки весной.', 'Парковка на главной улице всегда была проблемой для всех.'];
const OFF = ['My banana bread recipe needs walnuts and brown sugar.', 'The quarterback threw three interceptions on Sunday.', 'Sailing weather this weekend looks perfect.'];
const thread = [...ON, ...SIDE].map((body) => ({ title: null, body }));
const input = (body: string): RuleInput => ({
  comment: { title: null, body, authorName: 'r', authorId: null, receivedAt: new Date(0) },
  article: ARTICLE,
  parent: null,
  thread,
});
const config = offTopicConfigSchema.parse({});
const fires = (v: { score: number; threshold: number }) => v.score >= v.threshold;

/**
 * A bilingual site: its moderators approve comments in Russian about the article and hide unrelated English ones. Day 0
 * calls every comment in another script off topic; the model learned from these decisions should not.
 */
function bilingualDecisions(n: number) {
  const rows = Array.from({ length: n }, (_, i) => {
    const kind = i % 4;
    const body = [ON, RUSSIAN, OFF, SIDE][kind][Math.floor(i / 4) % 3] + (i >= 12 ? ` ${['Indeed.', 'Right.', 'Well.'][i % 3]}` : '');
    return { input: input(body), label: kind >= 2 };
  });
  return offTopicDecisions(rows, config);
}

describe('off_topic: the features the learned model reads', () => {
  it('exposes one value per feature: overlap, thread similarity, content-free, script, length, and day 0 as a logit', () => {
    const [on, off, free, russian] = offTopicDecisions(
      [ON[0], OFF[0], 'click here!!!', RUSSIAN[0]].map((body) => ({ input: input(body), label: false })),
      config,
    );
    for (const d of [on, off, free, russian]) expect(d.features).toHaveLength(OFF_TOPIC_FEATURES.length);
    expect(on.features[F.article]).toBeGreaterThan(1);
    expect(off.features[F.article]).toBe(0);
    expect(on.features[F.seedCosine]).toBeGreaterThan(off.features[F.seedCosine]);
    expect(on.features[F.dayZero]).toBeLessThan(off.features[F.dayZero]);
    expect(free.features[F.contentFree]).toBe(1);
    expect(russian.features[F.otherScript]).toBe(1);
    expect(on.features[F.length]).toBeGreaterThan(off.features[F.length] - 1);
    // The day-0 score travels with the decision, as the rule gives it.
    expect(on.lexicon).toBe(offTopicRule.compile(config)(input(ON[0])).score);
  });

  it('a centroid never counts a member as its own evidence', () => {
    const vocab = new Vocabulary();
    const docs = ['bike lanes main street', 'bike lanes cyclists', 'hockey coach fired'].map((t) => vocab.contentTerms(t));
    const c = new Centroid(docs, threadIdf(docs));
    expect(c.cosine(docs[2], 2)).toBe(0); // no other member shares a word with it
    expect(c.cosine(docs[2])).toBeGreaterThan(0);
    expect(c.cosine(docs[0], 0)).toBeGreaterThan(0);
  });
});

describe('off_topic: a model learned from off-topic decisions', () => {
  it('under the minimum of decisions there is no model: day 0 decides', () => {
    const res = trainOffTopicModel(bilingualDecisions(40));
    expect(res.model).toBeNull();
    expect(res.reason).toMatch(/at least 60/);
  });

  it('is deterministic and records cross-validated metrics beside day 0', () => {
    const a = trainOffTopicModel(bilingualDecisions(120)).model!;
    const b = trainOffTopicModel(bilingualDecisions(120)).model!;
    expect(a.weights).toEqual(b.weights);
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.cv).toMatchObject({ n: 120, positives: 60, folds: 5 });
    expect(a.cv.auc).toBeGreaterThan(a.cv.lexiconAuc);
    expect(a.features).toEqual([...OFF_TOPIC_FEATURES]);
  });

  it('learns what this site calls off topic: its approved comments in another script stop being flagged', () => {
    const model = trainOffTopicModel(bilingualDecisions(160)).model!;
    const day0 = offTopicRule.compile(config);
    const learned = offTopicRule.compile(config, { offTopic: { ...model, version: 3 } });
    const russian = 'Эти дорожки на главной улице сделают поездки безопаснее.';
    expect(fires(day0(input(russian)))).toBe(true);
    const v = learned(input(russian));
    expect(fires(v)).toBe(false);
    expect(v.threshold).toBe(model.threshold);
    expect(v.evidence.learned).toMatchObject({ modelVersion: 3, dayZeroScore: day0(input(russian)).score });
    // Unrelated English comments and on-topic ones are judged as before.
    expect(fires(learned(input('My grandmother knits scarves for the winter market.')))).toBe(true);
    expect(fires(learned(input('The bike lanes on Main Street are a good idea.')))).toBe(false);
    expect(v.evidence.summary).toMatch(/site model v3/);
  });

  it('without a model the rule is day 0, verdict for verdict', () => {
    const a = offTopicRule.compile(config);
    const b = offTopicRule.compile(config, { offTopic: null });
    for (const body of [...ON, ...OFF, ...RUSSIAN, 'click here!!!']) expect(b(input(body))).toEqual(a(input(body)));
  });

  it('round-trips through JSON and refuses an artifact for other features', () => {
    const model = trainOffTopicModel(bilingualDecisions(120)).model!;
    const back = decodeOffTopicModel(JSON.parse(JSON.stringify(encodeOffTopicModel(model))));
    expect(back).toEqual(model);
    expect(() => decodeOffTopicModel({ ...model, features: ['length'] })).toThrow(/features/);
    expect(() => decodeOffTopicModel({ ...model, task: 'insult' })).toThrow(/task/);
    expect(() => decodeOffTopicModel({ ...model, weights: model.weights.map(() => Number.NaN) })).toThrow(/weights/);
  });
});
