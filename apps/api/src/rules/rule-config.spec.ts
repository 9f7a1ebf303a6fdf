import { checkConfig, diffValues, ruleTypes, score } from './rule-config.js';

describe('rule config checks', () => {
  it.each([
    ['insult', { threshold: 7 }, 'config.threshold'],
    ['insult', { threshold: 'high' }, 'config.threshold'],
    ['keywords', { terms: [] }, 'config.terms'],
    ['keywords', { terms: ['x'], patterns: ['('] }, 'config.patterns.0'],
    ['length', { minChars: 10, maxChars: 5 }, 'config.maxChars'],
    ['nonsense', {}, 'type'],
  ])('%s %j is refused with an error on %s', (type, config, field) => {
    const r = checkConfig(type, config);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fields)).toContain(field);
  });

  it('a valid config comes back with its defaults filled in', () => {
    expect(checkConfig('insult', { threshold: 0.3 })).toEqual({
      ok: true,
      config: { threshold: 0.3, extraTerms: [], allowTerms: [], countUntargetedProfanity: false },
    });
  });

  it('every rule type has a JSON Schema object with properties, and defaults its own schema accepts', () => {
    const types = ruleTypes();
    expect(types.map((t) => t.type).sort()).toEqual(['author', 'campaign', 'flood', 'insult', 'keywords', 'length', 'links', 'off_topic', 'repeat', 'shouting']);
    for (const t of types) {
      expect(t.schema).toMatchObject({ type: 'object' });
      expect(Object.keys(t.schema.properties as object).length).toBeGreaterThan(0);
      if (t.type !== 'keywords') expect(checkConfig(t.type, t.defaults).ok).toBe(true);
    }
    expect(types.find((t) => t.type === 'flood')?.usesHistory).toBe(true);
  });

  it('every rule type has a name in words, and every field (and every column of a table field) its help text from the schema', () => {
    type Schema = { description?: string; properties?: Record<string, Schema>; items?: Schema };
    const missing: string[] = [];
    const walk = (path: string, props: Record<string, Schema>) => {
      for (const [key, p] of Object.entries(props)) {
        if (!p.description?.trim()) missing.push(`${path}.${key}`);
        if (p.items?.properties) walk(`${path}.${key}[]`, p.items.properties);
      }
    };
    for (const t of ruleTypes()) {
      expect(t.label).toMatch(/^[A-Z][a-z]/);
      expect(t.label).not.toBe(t.type);
      walk(t.type, (t.schema as Schema).properties ?? {});
    }
    expect(missing).toEqual([]);
  });
});

describe('version diff', () => {
  it.each([
    [{ threshold: 0.4 }, { threshold: 0.3 }, [{ path: 'threshold', kind: 'changed', before: 0.4, after: 0.3 }]],
    [{ terms: ['a', 'b'] }, { terms: ['b', 'c'] }, [{ path: 'terms', kind: 'added', after: 'c' }, { path: 'terms', kind: 'removed', before: 'a' }]],
    [{ a: 1 }, { a: 1, b: true }, [{ path: 'b', kind: 'added', after: true }]],
    [{ a: 1, b: 2 }, { a: 1 }, [{ path: 'b', kind: 'removed', before: 2 }]],
    [{ a: { x: 1 } }, { a: { x: 1 } }, []],
  ])('%j → %j', (before, after, changes) => {
    expect(diffValues(before, after)).toEqual(changes);
  });
});

describe('backtest scores', () => {
  it('precision, recall and F1 from the matrix', () => {
    expect(score({ truePositive: 3, falsePositive: 1, falseNegative: 2, trueNegative: 4 }, 0)).toMatchObject({
      precision: 0.75,
      recall: 0.6,
      f1: 0.6667,
    });
  });
  it('nothing caught: precision undefined (null), recall 0', () => {
    expect(score({ truePositive: 0, falsePositive: 0, falseNegative: 2, trueNegative: 4 }, 0)).toMatchObject({ precision: null, recall: 0, f1: null });
  });
});
