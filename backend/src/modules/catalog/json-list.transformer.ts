import type { ValueTransformer } from 'typeorm';

/**
 * Stores a short list of strings as JSON in a varchar column. A varchar (not `text`/`simple-json`)
 * because MySQL refuses a literal default on TEXT, and the default `'[]'` is what lets the
 * migration add these columns to a table that already has rows on both SQLite and MySQL.
 */
export const jsonList: ValueTransformer = {
  to: (value: string[] | null | undefined) => JSON.stringify(value ?? []),
  from: (value: string | null) => {
    if (!value) return [];
    const parsed = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  },
};

/** Stores a small object (a price rule's parameters) as JSON in a varchar column. */
export const jsonObject: ValueTransformer = {
  to: (value: object | null | undefined) => JSON.stringify(value ?? {}),
  from: (value: string | null) => {
    if (!value) return {};
    const parsed = JSON.parse(value);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
  },
};
