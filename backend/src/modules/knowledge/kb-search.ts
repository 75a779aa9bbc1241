/**
 * What the knowledge base stores for search beside the article (pure, shared with the migration
 * that back-fills it): the text index scope, and the normalised title, tags and summary.
 */
import type { KbArticle, KbAudience, KbStatus } from './kb-article.entity';
import { normaliseText } from '../search/text-terms';
import { markdownToText } from './markdown';

/** The index scope of an article: who reads it and whether it is out. */
export function scopeOf(audience: KbAudience, status: KbStatus): string {
  return `${audience}:${status}`;
}

const cut = (text: string, max: number) => Array.from(text).slice(0, max).join('');

/** At most `bytes` of UTF-8, cut at a character boundary (MySQL's TEXT holds 65,535 bytes). */
function cutBytes(text: string, bytes: number): string {
  if (Buffer.byteLength(text) <= bytes) return text;
  let used = 0;
  let end = 0;
  for (const ch of text) {
    used += Buffer.byteLength(ch);
    if (used > bytes) break;
    end += ch.length;
  }
  return text.slice(0, end);
}

/**
 * The article's fields in the search index's normalised form (text-terms.ts `normaliseText`; tags
 * joined by spaces, the body as Markdown-free text): the same text the index terms are cut from,
 * so a term is in a field's index rows exactly when it is a substring of the field's column.
 */
export function searchColumns(a: Pick<KbArticle, 'title' | 'tags' | 'summary' | 'body'>) {
  return {
    searchTitle: cut(normaliseText(a.title), 200),
    searchTags: cut(a.tags.map(normaliseText).filter(Boolean).join(' '), 500),
    searchSummary: cut(normaliseText(a.summary), 255),
    searchBody: cutBytes(normaliseText(markdownToText(a.body)), 60_000),
  };
}
