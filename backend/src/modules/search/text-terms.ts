/**
 * Terms for the application-controlled Chinese search index (table `text_index`).
 *
 * Text is normalised (NFKC folds full-width `ＣＴ１` to `ct1`, then lower case) and cut into
 * segments at punctuation. In documents, spaces inside a segment are dropped, so `CT 机维修` is
 * found by `ct机` as well as by `ct 机`; in queries, spaces separate parts that must all occur.
 * Every segment gives its single characters and its character bigrams, so:
 *   - a query of two or more characters is found through its bigrams (`挂号` in `如何在线挂号`),
 *   - a one-character query through the single characters,
 *   - mixed text needs no word splitting (`ct机` → `ct`, `t机`; `2号门` → `2号`, `号门`).
 * A document matches when it holds every term of the query (intersection). Intersection can
 * over-match: `中山六院` finds a text that has 中山, 山六 and 六院 in different places, so callers
 * rank whole-substring hits (containsQuery) first.
 */

/** Longest query we split; longer input is cut (a search box, not a document). */
export const MAX_QUERY_CHARS = 32;

const PUNCTUATION = /[^\p{L}\p{N}\s]+/u;
const WORD_SPLIT = /[^\p{L}\p{N}]+/u;
const SPACES = /\s+/gu;

function split(text: string, separator: RegExp, dropSpaces: boolean): string[][] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(separator)
    .map(s => (dropSpaces ? s.replace(SPACES, '') : s))
    .filter(s => s.length > 0)
    .map(s => Array.from(s));
}

/** Query segments: letters and digits between spaces or punctuation (as arrays of code points). */
export function segmentsOf(text: string): string[][] {
  return split(text, WORD_SPLIT, false);
}

/** Document segments: text between punctuation, spaces removed (`CT 机` reads as `ct机`). */
export function documentSegmentsOf(text: string): string[][] {
  return split(text, PUNCTUATION, true);
}

/** The normalised form used for whole-substring comparisons (segments joined by one space). */
export function normaliseText(text: string): string {
  return documentSegmentsOf(text)
    .map(s => s.join(''))
    .join(' ');
}

/** Every term a document's text is indexed under: its single characters and its bigrams. */
export function documentTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const chars of documentSegmentsOf(text)) {
    for (let i = 0; i < chars.length; i++) {
      terms.add(chars[i]);
      if (i + 1 < chars.length) terms.add(chars[i] + chars[i + 1]);
    }
  }
  return terms;
}

/**
 * The terms a query must all match: bigrams of each segment, or the character itself for a
 * one-character segment. Empty when the query has no letters or digits (nothing to search).
 */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  const segments = segmentsOf(query.slice(0, MAX_QUERY_CHARS * 2));
  let budget = MAX_QUERY_CHARS;
  for (const chars of segments) {
    const used = chars.slice(0, budget);
    budget -= used.length;
    if (used.length === 1) terms.add(used[0]);
    for (let i = 0; i + 1 < used.length; i++) terms.add(used[i] + used[i + 1]);
    if (budget <= 0) break;
  }
  return [...terms];
}

export interface WeightedField {
  text: string | null | undefined;
  /** Higher for fields that matter more (a hospital's name over its address). */
  weight: number;
}

/** Terms of a document made of several fields, each term with the highest weight it occurs under. */
export function weightedTerms(fields: WeightedField[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const field of fields) {
    if (!field.text) continue;
    for (const term of documentTerms(field.text)) {
      result.set(term, Math.max(result.get(term) ?? 0, field.weight));
    }
  }
  return result;
}

/** True when the query (spaces dropped) occurs as one piece in the normalised text. */
export function containsQuery(text: string, query: string): boolean {
  const q = segmentsOf(query)
    .map(s => s.join(''))
    .join('');
  return q.length > 0 && normaliseText(text).includes(q);
}
