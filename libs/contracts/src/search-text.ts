/**
 * Text as search compares it: without accents and case, so "trafico" finds "Tráfico" and "MARIA" finds "María".
 * (ñ becomes n too: a learner typing on a keyboard without it still finds "niñez".)
 */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The words of a query, as `searchable` writes them; every one must be found. */
export function searchWords(query: string): string[] {
  return searchable(query).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}
