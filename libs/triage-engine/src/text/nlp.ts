import stemWord from 'wink-porter2-stemmer';
import { eng as ENGLISH_STOPWORDS } from 'stopword';

/**
 * Thin wrappers over the maintained NLP packages the rules use: `wink-porter2-stemmer` (Snowball English stemmer)
 * and `stopword` (stopword lists). Stems are memoised in a bounded cache: comment vocabularies repeat a lot, and
 * the stemmer is the most expensive step per word.
 */
const STEM_CACHE_MAX = 200_000;
const stemCache = new Map<string, string>();

export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = word.length <= 2 ? word : stemWord(word);
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/**
 * English stopwords: the `stopword` package's list plus contractions written without apostrophes (the tokenizer
 * removes them) and chat fillers that carry no topic.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  ...ENGLISH_STOPWORDS,
  ...('im youre hes shes its were theyre ive youve weve theyve id youd hed shed wed theyd ill youll hell shell ' +
    'well theyll isnt arent wasnt werent hasnt havent hadnt doesnt dont didnt wont wouldnt shant shouldnt cant ' +
    'cannot couldnt mustnt lets thats whos whats heres theres whens wheres whys hows aint u ur ya yeah yes ok okay ' +
    'oh lol lmao just really even also yet will shall may am does doing done going gonna wanna gotta get gets ' +
    'got one two us our ours yours mine theirs hers him her them she he it they we i me my myself yourself ' +
    'themselves ourselves himself herself itself thing things something anything nothing everything someone ' +
    'anyone everyone people person think know say said says see seems seem look looks need needs want wants ' +
    'go goes went come comes back good bad much many lot lots every always never ever why who whom whose ' +
    'why would could should might must can let make made way time times year years day days new old right left ' +
    'sure well still already around let').split(' '),
]);
