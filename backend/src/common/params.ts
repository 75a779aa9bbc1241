import { Errors } from './errors';

/** Path ids are positive integers; anything else is a 400 before it reaches a query. */
export function parseId(raw: string): number {
  const id = Number(raw);
  if (!/^\d{1,10}$/.test(raw) || !Number.isSafeInteger(id) || id < 1) throw Errors.validation('ID 不正确');
  return id;
}
