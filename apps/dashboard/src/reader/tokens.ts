/**
 * The author's private tokens (one per comment they posted), kept in this browser's localStorage per article.
 * They never leave the browser except to ask the API about those same comments. Where the browser refuses
 * storage (e.g. in the embed's third-party iframe when third-party storage is blocked), they are kept in memory
 * for as long as the page is open (docs/reader.md).
 */
const key = (articleId: string) => `sift.reader.tokens.${articleId}`;
const memory = new Map<string, string[]>();

export function loadTokens(articleId: string): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key(articleId)) ?? '[]');
    const stored = Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : [];
    return [...new Set([...stored, ...(memory.get(articleId) ?? [])])].slice(-100);
  } catch {
    return memory.get(articleId) ?? [];
  }
}

export function saveTokens(articleId: string, tokens: string[]): void {
  const unique = [...new Set(tokens)].slice(-100);
  memory.set(articleId, unique);
  try {
    localStorage.setItem(key(articleId), JSON.stringify(unique));
  } catch {
    /* storage refused: memory only */
  }
}
