import { dominantScript, englishStopwordRatio, noEnglishStopword } from '../text/script.js';
import { LANGUAGE } from './tuning.js';

/** An article's writing system and whether it is in English: worked out once per article text. */
export interface ArticleLanguage {
  script: string | null;
  english: boolean;
}

export function articleLanguage(text: string): ArticleLanguage {
  return { script: dominantScript(text), english: englishStopwordRatio(text) > LANGUAGE.englishRatio };
}

/**
 * Whether a comment that shares nothing with its article is written in another script (a Cyrillic comment on a
 * Latin-script article) or, under an English article, another language (a longer comment with no English function
 * word): the reason and the moderator's line, or null.
 */
export function otherLanguage(prose: string, article: ArticleLanguage): { reason: 'other-script' | 'other-language'; summary: string } | null {
  const c = dominantScript(prose);
  if (article.script && c && article.script !== c) {
    return { reason: 'other-script', summary: `written in ${c} script, the article in ${article.script}` };
  }
  if (article.script === LANGUAGE.englishScript && article.english && noEnglishStopword(prose, LANGUAGE.minForeignWords)) {
    return { reason: 'other-language', summary: 'not in the language of the article' };
  }
  return null;
}
