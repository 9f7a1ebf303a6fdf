import { CampaignIndex, DEFAULT_CLUSTER_CONFIG, joinCluster, type ClusterCandidate } from './cluster.js';
import { campaignWords, signature, similarity } from './signature.js';

const POINT = 'The new harbour levy is daylight robbery and the mayor hid the real costs from every single ratepayer in town';
const UNRELATED = 'Lovely photos of the autumn market, the apple stalls and the brass band made my whole weekend brighter';
const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute));

describe('campaign signature', () => {
  it.each([
    ['case', POINT.toUpperCase()],
    ['punctuation and spacing', `${POINT.replace(/ /g, '  ')}!!! ...`],
    ['emoji', `😡 ${POINT} 🔥🔥`],
    ['word order', 'The mayor hid the real costs from every single ratepayer in town and the new harbour levy is daylight robbery'],
    ['stopwords and plurals', 'new harbour levies are daylight robbery; the mayor hid real costs from every single ratepayer in this town'],
  ])('%s: the same content words, the same signature', (_, variant) => {
    expect(signature(variant).minhash).toEqual(signature(POINT).minhash);
  });

  it.each([
    ['a few typos', 'The new harbor levy is daylite robbery and the mayor hid the real cots from every single ratepayer in town'],
    ['a swapped word', 'The new harbour tax is daylight robbery and the mayor hid the real costs from every single ratepayer in town'],
    ['an added sentence', `Wake up, neighbours. ${POINT}. Pass it on before the vote.`],
    ['a removed clause', 'The new harbour levy is daylight robbery and the mayor hid the real costs'],
  ])('%s: still alike by the default threshold', (_, variant) => {
    const s = similarity(signature(variant).minhash, signature(POINT).minhash);
    expect(s).toBeGreaterThanOrEqual(DEFAULT_CLUSTER_CONFIG.minSimilarity);
    expect(signature(variant).bands.some((b) => signature(POINT).bands.includes(b))).toBe(true);
  });

  it('an unrelated comment is not alike', () => {
    expect(similarity(signature(UNRELATED).minhash, signature(POINT).minhash)).toBeLessThan(0.15);
  });

  it('a link counts as its host, and words keep their offsets in the original text', () => {
    const text = 'Read https://www.example.org/a/b?c=1 now, Ratepayers!';
    const words = campaignWords(text);
    expect(words.map((w) => w.stem)).toEqual(['read', 'example.org', 'ratepay']);
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual(['Read', 'https://www.example.org/a/b?c=1', 'Ratepayers']);
  });

  it('a text without words has no band keys (it can never be looked up)', () => {
    expect(signature('!!! 😡😡').bands).toEqual([]);
  });
});

describe('joinCluster', () => {
  const sig = signature(POINT);
  const cand = (id: string, clusterId: string | null, minute: number, text = POINT): ClusterCandidate => ({ id, clusterId, minhash: signature(text).minhash, receivedAt: at(minute) });

  it('alone when nothing alike, too short, or only outside the window', () => {
    expect(joinCluster(sig, at(30), [cand('u', null, 1, UNRELATED)]).clusterId).toBeNull();
    expect(joinCluster(signature('Shame on the mayor'), at(30), [cand('a', null, 1, 'Shame on the mayor')]).clusterId).toBeNull();
    expect(joinCluster(sig, at(30), [cand('a', null, 1)], { ...DEFAULT_CLUSTER_CONFIG, windowMinutes: 10 }).clusterId).toBeNull();
  });

  it('joins the campaign of the earliest match, adopts lone matches and merges the other campaigns it bridges', () => {
    const j = joinCluster(sig, at(30), [cand('b', 'cb', 5), cand('a', null, 2), cand('c', 'cc', 9), cand('u', null, 1, UNRELATED)]);
    expect({ ...j, merge: j.merge.sort() }).toMatchObject({ clusterId: 'a', adopt: ['a'], merge: ['cb', 'cc'] });
    expect(j.matches.map((m) => m.id).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('CampaignIndex and the eval metrics', () => {
  it('clusters paraphrases across authors and articles, leaves the rest alone, and renames merged campaigns', () => {
    const index = new CampaignIndex();
    index.add('1', POINT, at(0));
    index.add('2', UNRELATED, at(1));
    index.add('3', `${POINT.toUpperCase()} 😡`, at(2));
    index.add('4', 'Daylight robbery: the new harbour levy. The mayor hid the real costs from every ratepayer', at(3));
    expect(['1', '2', '3', '4'].map((id) => index.clusterOf(id))).toEqual(['1', null, '1', '1']);
    index.prune(at(7 * 24 * 60 + 10));
    expect(index.add('5', POINT, at(7 * 24 * 60 + 10)).clusterId).toBeNull(); // the window has passed
  });
});
