import { createHash } from 'crypto';
import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import { IdempotencyKey } from './idempotency-key.entity';
import { isUniqueViolation } from '../db-errors';
import { Errors } from '../errors';

const KEY_PATTERN = /^[A-Za-z0-9_\-:.]{8,64}$/;

/** Stable JSON: object keys sorted, so `{a,b}` and `{b,a}` hash the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .filter(k => (value as any)[k] !== undefined)
      .map(k => `${JSON.stringify(k)}:${canonical((value as any)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * `Idempotency-Key` handling: the first request with a key does the work and stores its answer;
 * a repeat with the same body gets that answer again, a repeat with another body gets 422, and a
 * repeat while the first is still running gets 409. A request that fails frees the key: its work is
 * one transaction that rolled back, so a corrected retry may use it.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class IdempotencyService {
  @InjectEntityModel(IdempotencyKey)
  keys: Repository<IdempotencyKey>;

  async run<T>(scope: string, key: string | undefined, body: unknown, work: () => Promise<T>): Promise<T> {
    if (key === undefined || key === '') return work();
    if (!KEY_PATTERN.test(key)) throw Errors.validation('Idempotency-Key 需为 8-64 位字母、数字或 -_:.');
    const requestHash = createHash('sha256').update(canonical(body)).digest('hex');
    try {
      await this.keys.insert({ scope, key, requestHash, state: 'in_progress', response: null });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const existing = await this.keys.findOne({ where: { scope, key } });
      if (!existing) throw Errors.conflict('IDEMPOTENCY_IN_PROGRESS', '相同的请求正在处理中，请稍后重试');
      if (existing.requestHash !== requestHash) {
        throw Errors.rule('IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于另一个不同的请求');
      }
      if (existing.state !== 'done' || existing.response === null) {
        throw Errors.conflict('IDEMPOTENCY_IN_PROGRESS', '相同的请求正在处理中，请稍后重试');
      }
      return JSON.parse(existing.response) as T;
    }
    let result: T;
    try {
      result = await work();
    } catch (err) {
      // The work runs in one transaction, so a failure wrote nothing and the key may be used again.
      await this.keys.delete({ scope, key });
      throw err;
    }
    await this.keys.update({ scope, key }, { state: 'done', response: JSON.stringify(result) });
    return JSON.parse(JSON.stringify(result)) as T;
  }
}
