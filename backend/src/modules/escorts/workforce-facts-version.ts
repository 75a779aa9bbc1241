import { Provide, Scope, ScopeEnum } from '@midwayjs/core';

/**
 * A counter bumped after every committed change to what dispatch caches per city (escort
 * profiles and status, weekly shifts, credentials). The dispatch cache reloads when it moves; in a
 * multi-process setup the other processes catch up within the cache's TTL.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class WorkforceFactsVersion {
  private value = 0;

  get current(): number {
    return this.value;
  }

  bump(): void {
    this.value++;
  }
}
