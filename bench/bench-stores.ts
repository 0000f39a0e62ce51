import type { ReportPublisher, Stores } from '../functions/core/ports';
import { DEMO_SITE, demoRoster } from '../functions/local/demo';
import { type MemoryStores, memoryStores } from '../test/support/memory-store';

/** A repository or publisher a check-in never touches: any call is a mistake of the bench. */
function unused<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get: (_t, prop) => () => {
      throw new Error(`the check-in benchmark called ${name}.${String(prop)}`);
    },
  });
}

/**
 * The app's repositories for the in-process benchmark: the tests' memory fake, kept steady (see
 * memoryStores), on the demo ground and 200 demo employees, for the check-in and the settings;
 * a tripwire for every other repository.
 */
export function benchStores(): { stores: Stores & MemoryStores; publisher: ReportPublisher } {
  const memory = memoryStores({ steady: true });
  memory.data.sites.set(DEMO_SITE.siteId, DEMO_SITE);
  for (const e of demoRoster(200)) memory.data.employees.set(e.employeeId, e);
  return {
    stores: {
      ...memory,
      roster: unused('roster'),
      sites: unused('sites'),
      holidays: unused('holidays'),
      excuses: unused('excuses'),
      publications: unused('publications'),
    },
    publisher: unused('publisher'),
  };
}
