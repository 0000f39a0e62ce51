import { Geofence } from '../../core/geo/geofence';
import { CompiledGround } from '../../core/geo/ground';
import type { Trace } from '../../core/integrity';
import type { Holiday } from '../../core/model';
import type { CheckinContext, CheckinContextSource } from '../../core/ports';
import { ConfigCache } from './config-cache';
import type { HolidayRepository } from './holiday-store';
import { toEmployee, toSite } from './items';
import { presenceKeys } from './presence/keys';
import { passkeyRecordOf } from './presence/passkey-items';
import { readSettingsItem } from './settings-items';
import { keys } from './table';
import type { Item, TableClient } from './table-client';

const MAX_CACHED_FENCES = 1_000;

/**
 * A check-in's context on DynamoDB: one BatchGetItem for the employee, the settings (with the
 * revision counters that keep the process's caches honest) and the trace. Grounds and holidays
 * come from the ConfigCache, read only on a miss.
 */
export class DynamoCheckinContext implements CheckinContextSource {
  constructor(
    private readonly table: TableClient,
    private readonly cache: ConfigCache,
    private readonly holidays: HolidayRepository,
  ) {}

  async load(employeeId: string, o: { passkeys?: boolean } = {}): Promise<CheckinContext> {
    // With an assertion to check, the passkey record joins the same request, read consistently
    // (its challenge was set a moment before): one BatchGetItem instead of that and a GetItem.
    const items = await this.table.batchGet(
      [
        keys.employee(employeeId),
        keys.settings(),
        keys.trace(employeeId),
        ...(o.passkeys ? [presenceKeys.passkeys(employeeId)] : []),
      ],
      o.passkeys === true,
    );
    const employeeItem = items.find((i) => i.sk === 'PROFILE');
    const traceItem = items.find((i) => i.sk === 'TRACE');
    const { settings, rollCalls, revisions } = readSettingsItem(
      items.find((i) => i.pk === 'CONFIG'),
    );
    this.cache.observe(revisions);
    return {
      employee: employeeItem ? toEmployee(employeeItem) : null,
      settings,
      rollCalls,
      trace: traceItem ? toTrace(traceItem) : null,
      holiday: (date) => this.cachedHoliday(date),
      geofence: (siteIds) => this.cachedFence(siteIds),
      ...(o.passkeys
        ? { passkeys: passkeyRecordOf(items.find((i) => i.sk === 'PASSKEYS') ?? null) }
        : {}),
    };
  }

  private cachedHoliday(date: string): Promise<Holiday | null> {
    return ConfigCache.cached(this.cache.holidays, date, () => this.holidays.get(date));
  }

  private cachedFence(siteIds: readonly string[]): Promise<Geofence> {
    const key = [...siteIds].sort().join('\u0000');
    const fences = this.cache.fences;
    if (fences.size >= MAX_CACHED_FENCES && !fences.has(key)) fences.clear();
    return ConfigCache.cached(fences, key, () => this.loadFence(siteIds));
  }

  /**
   * The employee's grounds, compiled. Read consistently: a change of grounds is seen through the
   * settings' revision counter, and an eventually consistent read made right after could still
   * return the old polygon, to be cached until the next change. A load that a change overtook
   * answers its own request but leaves the cache alone.
   */
  private async loadFence(siteIds: readonly string[]): Promise<Geofence> {
    const generation = this.cache.sitesGeneration;
    // What the cache holds now, kept aside: a clearing during the read must not lose it.
    const compiled = new Map<string, CompiledGround | null>();
    for (const id of siteIds) {
      const cached = this.cache.grounds.get(id);
      if (cached !== undefined) compiled.set(id, cached);
    }
    const missing = siteIds.filter((id) => !compiled.has(id));
    if (missing.length > 0) {
      const found = new Map<string, Item>(
        (await this.table.batchGet(missing.map(keys.site), true)).map((i) => [String(i.siteId), i]),
      );
      for (const id of missing) {
        const item = found.get(id);
        const site = item && item.deleted !== true ? toSite(item) : null;
        compiled.set(id, site ? new CompiledGround(site.siteId, site.geometry) : null);
      }
      if (generation === this.cache.sitesGeneration) {
        for (const id of missing) this.cache.grounds.set(id, compiled.get(id) ?? null);
      }
    }
    const grounds = siteIds
      .map((id) => compiled.get(id))
      .filter((g): g is CompiledGround => g != null);
    return new Geofence(grounds);
  }
}

function toTrace(i: Item): Trace {
  const devices =
    i.devices instanceof Set ? [...i.devices] : Array.isArray(i.devices) ? i.devices : [];
  return {
    lat: Number(i.lat),
    lon: Number(i.lon),
    capturedAt: String(i.capturedAt),
    devices: devices.map(String),
  };
}
