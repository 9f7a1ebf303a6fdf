import { InsultLexicon } from './lexicon-index.js';
import { builtinEntries } from './lexicon-entries.js';

describe('insult lexicon', () => {
  it('reads lexicon words through inflection, spelling slips and masks, but not into other words', () => {
    const lex = new InsultLexicon();
    expect(lex.lookup('hypocrits')?.term).toBe('hypocrite');
    expect(lex.lookup('idiots')?.term).toBe('idiot');
    expect(lex.lookup('f**k')?.term).toBe('fuck');
    expect(lex.lookup('d*ck')?.term).toBe('dick');
    expect(lex.lookup('dumbass')?.term).toBe('dumbass');
    expect(lex.lookup('libtards')?.term).toBe('libtard');
    expect(lex.lookup('clownass')?.term).toBe('-ass');
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
});
