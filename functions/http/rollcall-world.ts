import { localTime } from '../core/calendar';
import type { Stores } from '../core/ports';
import type { RollCallWorld } from '../core/rollcall-rules';
import type { Rules } from '../core/rollcalls';

/** What checking a roll call reads beyond the rules: today, the calendar, grounds, roster. */
export function rollCallWorld(
  stores: Pick<Stores, 'holidays' | 'sites' | 'roster'>,
  now: Date,
  rules: Rules,
): RollCallWorld {
  return {
    today: localTime(now, rules.settings.timezone).date,
    isHoliday: async (date) => (await stores.holidays.get(date)) !== null,
    missingSites: async (ids) => {
      const found = await Promise.all(ids.map((id) => stores.sites.get(id)));
      return ids.filter((_, i) => found[i] === null);
    },
    emptyUnits: async (units) => {
      const pages = await Promise.all(units.map((unit) => stores.roster.list({ unit, limit: 1 })));
      return units.filter((_, i) => pages[i]?.items.length === 0);
    },
  };
}
