import {
  DEFAULT_INSULT_CONFIG,
  DEFAULT_OFF_TOPIC_CONFIG,
} from '../core/database/migrations/1764316800000-default-insult-off-topic-rules.js';
import { compileRule, insultConfigSchema, offTopicConfigSchema } from '@sift/triage-engine';

describe('default insult and off_topic rules', () => {
  it('seed the same numbers as the rule schemas default to (the eval command uses the schema defaults)', () => {
    expect(insultConfigSchema.parse({})).toEqual(DEFAULT_INSULT_CONFIG);
    expect(offTopicConfigSchema.parse({})).toEqual(DEFAULT_OFF_TOPIC_CONFIG);
  });

  it.each([
    ['insult', DEFAULT_INSULT_CONFIG],
    ['off_topic', DEFAULT_OFF_TOPIC_CONFIG],
  ])('the seeded %s config compiles in the engine', (type, config) => {
    const compiled = compileRule({ id: 'r', name: type, type, version: 1, action: 'flag', mode: 'live', severity: 1, config });
    expect(compiled.compileError).toBeNull();
    expect(compiled.evaluate).not.toBeNull();
  });
});
