import type { Geofence } from '../../core/geo/geofence';
import type { CompiledGround } from '../../core/geo/ground';
import type { Holiday } from '../../core/model';
import type { GroundCodeState } from '../../core/ports/presence';
import type { Revisions } from './settings-items';

/**
 * Grounds and holidays cached in this process, valid for one revision of each. A write in this
 * process clears them at once; writes elsewhere are seen at the next check-in, which reads the
 * revision counters with the settings.
 */
export class ConfigCache {
  private rev: Revisions = { sites: -1, holidays: -1 };
  readonly grounds = new Map<string, CompiledGround | null>();
  // Promises, not values: concurrent misses (a burst of check-ins on a new date, on the local
  // server) share one read instead of each making its own (BENCHMARKS.md, end to end).
  readonly fences = new Map<string, Promise<Geofence>>();
  readonly holidays = new Map<string, Promise<Holiday | null>>();
  /** Grounds' code modes and secrets (presence/ground-codes.ts), cleared with the grounds. */
  readonly codes = new Map<string, Promise<GroundCodeState | null>>();

  /** Counts the clearings of the grounds: a load begun before one must not refill the cache. */
  sitesGeneration = 0;

  observe(r: Revisions): void {
    if (r.sites !== this.rev.sites) {
      this.grounds.clear();
      this.fences.clear();
      this.codes.clear();
      this.sitesGeneration++;
    }
    if (r.holidays !== this.rev.holidays) this.holidays.clear();
    this.rev = r;
  }

  invalidate(): void {
    this.observe({ sites: -1, holidays: -1 });
  }

  /** The cached promise for a key, or a new one; a failed load is forgotten, to be retried. */
  static cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>) {
    let p = cache.get(key);
    if (!p) {
      p = load();
      cache.set(key, p);
      p.catch(() => {
        if (cache.get(key) === p) cache.delete(key);
      });
    }
    return p;
  }
}
