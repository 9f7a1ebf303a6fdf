// Type declarations for the two small NLP packages the text helpers wrap (neither ships its own).
declare module 'wink-porter2-stemmer' {
  /** Porter2 (Snowball English) stem of one lower-case word. */
  function stem(word: string): string;
  export = stem;
}

declare module 'stopword' {
  /** English stopword list (lower case). */
  export const eng: string[];
  export function removeStopwords(tokens: string[], stopwords?: string[]): string[];
}

declare module 'stopwords-iso' {
  /** ISO 639-1 code → stopword list. */
  const lists: Record<string, string[]>;
  export = lists;
}
