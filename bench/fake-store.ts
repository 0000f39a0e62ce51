import type { Geofence } from '../functions/core/geo/geofence';
import type { Attempt, Checkin } from '../functions/core/model';
import type {
  CheckinContext,
  PutCheckinResult,
  ReportPublisher,
  Stores,
} from '../functions/core/ports';
import { DEMO_SITE, demoRoster } from '../functions/local/demo';
import { MemoryStore } from '../test/support/memory-store';

/**
 * The tests' MemoryStore made steady for millions of calls: the fence is compiled once (as the
 * DynamoDB store caches it), every check-in is "new" and attempts are counted, not kept, so that
 * memory stays flat and every call takes the same path.
 */
export class BenchStore extends MemoryStore {
  attemptCount = 0;
  private fence: Promise<Geofence> | null = null;

  constructor() {
    super();
    this.sites.set(DEMO_SITE.siteId, DEMO_SITE);
    for (const e of demoRoster(200)) this.employees.set(e.employeeId, e);
  }

  override async checkinContext(employeeId: string): Promise<CheckinContext> {
    const ctx = await super.checkinContext(employeeId);
    return {
      ...ctx,
      geofence: (ids) => {
        this.fence ??= ctx.geofence(ids);
        return this.fence;
      },
    };
  }

  override async putFirstCheckin(c: Checkin): Promise<PutCheckinResult> {
    return { created: true, checkin: c };
  }

  override async getCheckin(): Promise<Checkin | null> {
    return null;
  }

  override async putAttempt(_a: Attempt): Promise<void> {
    this.attemptCount++;
  }

  // Integrity records: kept out of the maps for the same reason as attempts.
  override async countAttempt(): Promise<number> {
    return 1;
  }

  override async recordTrace(): Promise<void> {}

  override async claimCoordinates(): Promise<string | null> {
    return null;
  }
}

/** A repository or publisher a check-in never touches: any call is a mistake of the bench. */
function unused<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get: (_t, prop) => () => {
      throw new Error(`the check-in benchmark called ${name}.${String(prop)}`);
    },
  });
}

/** The app's repositories with check-ins and settings in memory, for app.request(). */
export function benchStores(store: BenchStore): { stores: Stores; publisher: ReportPublisher } {
  return {
    stores: {
      checkins: store,
      settings: store,
      roster: unused('roster'),
      sites: unused('sites'),
      holidays: unused('holidays'),
      excuses: unused('excuses'),
      publications: unused('publications'),
    },
    publisher: unused('publisher'),
  };
}
