import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { CredentialFact } from './availability';
import { EscortDispatchFacts, EscortService } from '../escorts/escort.service';
import { EscortCredentialService } from '../escorts/escort-credential.service';
import { WorkforceFactsVersion } from '../escorts/workforce-facts-version';
import { ScheduleService } from '../schedules/schedule.service';
import type { WeeklyRange } from '../schedules/shift-calendar';

/** What changes rarely about a city's escorts: who they are, their weekly shifts, their credentials. */
export interface CityFacts {
  escorts: EscortDispatchFacts[];
  weekly: Map<number, WeeklyRange[]>;
  credentials: Map<number, CredentialFact[]>;
  /** Credentials of only these qualification codes, per escort (memoised per set of codes). */
  credentialsFor(codes: readonly string[]): Map<number, CredentialFact[]>;
}

/** Other processes' changes show up within this long (this process's own, at once). */
export const CITY_FACTS_TTL_MS = 10_000;

/**
 * The slow-changing facts ranking needs, per city, kept in memory: reading 5,000 escorts with
 * 40,000 shift ranges and their credentials on every ranking costs more than the ranking itself.
 * A write in this process bumps WorkforceFactsVersion and the next ranking reloads; other
 * processes reload within the TTL. Ranking is advice: the assignment re-checks the chosen escort
 * with fresh reads, and the claim is what decides a race, so a stale suggestion is refused, never
 * committed. Leave, time off, claims and loads change by the minute and are always read fresh.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DispatchFactsCache {
  @Inject()
  escorts: EscortService;

  @Inject()
  schedules: ScheduleService;

  @Inject()
  credentials: EscortCredentialService;

  @Inject()
  version: WorkforceFactsVersion;

  private entries = new Map<number, { version: number; at: number; facts: Promise<CityFacts> }>();

  async city(cityId: number, now = Date.now()): Promise<CityFacts> {
    const hit = this.entries.get(cityId);
    if (hit && hit.version === this.version.current) {
      if (now - hit.at < CITY_FACTS_TTL_MS) return hit.facts;
      // Only the TTL ran out (no write here): answer from what we have while a fresh copy loads,
      // so no dispatcher waits for the periodic reload.
      this.reload(cityId, now);
      return hit.facts;
    }
    return this.reload(cityId, now);
  }

  private reload(cityId: number, now: number): Promise<CityFacts> {
    const facts = this.load(cityId);
    const entry = { version: this.version.current, at: now, facts };
    const previous = this.entries.get(cityId);
    // While loading, a still-valid previous copy keeps answering; the new one replaces it when ready.
    if (previous && previous.version === entry.version) facts.then(() => this.entries.set(cityId, entry), () => undefined);
    else this.entries.set(cityId, entry);
    if (previous && previous.version === entry.version) previous.at = now;
    // A failed load must not stay cached.
    facts.catch(() => {
      if (this.entries.get(cityId) === entry) this.entries.delete(cityId);
    });
    return facts;
  }

  clear(): void {
    this.entries.clear();
  }

  private async load(cityId: number): Promise<CityFacts> {
    const [escorts, weekly, credentials] = await Promise.all([
      this.escorts.dispatchFacts(cityId),
      this.schedules.weeklyForCity(cityId),
      this.credentials.factsForCity(cityId),
    ]);
    const byCodes = new Map<string, Map<number, CredentialFact[]>>();
    const credentialsFor = (codes: readonly string[]) => {
      const key = [...codes].sort().join(',');
      let m = byCodes.get(key);
      if (!m) {
        m = new Map();
        for (const [escortId, list] of credentials) {
          const kept = list.filter(c => codes.includes(c.typeCode));
          if (kept.length) m.set(escortId, kept);
        }
        byCodes.set(key, m);
      }
      return m;
    };
    return { escorts: escorts.filter(e => e.status === 'active'), weekly, credentials, credentialsFor };
  }
}
