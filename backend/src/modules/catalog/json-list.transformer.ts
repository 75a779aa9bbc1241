import type { ValueTransformer } from 'typeorm';

/*
 * Short lists and small objects stored as JSON in varchar columns. A varchar (not `text` or
 * `simple-json`) because MySQL refuses a literal default on TEXT, and the defaults ('[]', '{}')
 * are what let the migration add these columns to a table that already has rows.
 * `from` accepts an already-parsed value: after an insert TypeORM re-hydrates the values it
 * selected back, which have been through `from` once already.
 */

export const jsonList: ValueTransformer = {
  to: (value: string[] | null | undefined) => JSON.stringify(value ?? []),
  from: (value: unknown): string[] => {
    const parsed = typeof value === 'string' ? (value ? JSON.parse(value) : []) : value;
    return Array.isArray(parsed) ? parsed.map(String) : [];
  },
};

export const jsonObject: ValueTransformer = {
  to: (value: object | null | undefined) => JSON.stringify(value ?? {}),
  from: (value: unknown): object => {
    const parsed = typeof value === 'string' ? (value ? JSON.parse(value) : {}) : value;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
  },
};
