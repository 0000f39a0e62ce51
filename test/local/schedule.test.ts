import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../functions/adapters/logger';
import { withRollCall } from '../../functions/core/rollcalls';
import { startLocalSchedule } from '../../functions/local/schedule';
import { testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';
import { APEL_SORE } from '../support/rollcalls';

const clock = new FakeClock(new Date('2026-11-27T01:29:00Z')); // 08:29 WIB, Friday
let rt: Awaited<ReturnType<typeof testRuntime>>;

beforeAll(async () => {
  rt = await testRuntime(clock);
});
afterAll(() => rt.close());

describe('the local schedule', () => {
  it('publishes today once, at the report time, on a workday', async () => {
    const schedule = startLocalSchedule(rt, silentLogger, 3_600_000);
    try {
      await schedule.tick();
      expect(await rt.stores.publications.newest('2026-11-27')).toBeNull();
      clock.set('2026-11-27T01:30:00Z'); // 08:30
      await schedule.tick();
      expect(await rt.stores.publications.newest('2026-11-27')).toMatchObject({ version: 1 });
      await schedule.tick();
      expect(await rt.stores.publications.newest('2026-11-27')).toMatchObject({ version: 1 });
      const json = await readFile(join(rt.dataDir, 'reports/2026-11-27/report.json'), 'utf8');
      expect(JSON.parse(json).totals.absent).toBe(700);
      clock.set('2026-11-28T02:00:00Z'); // Saturday
      await schedule.tick();
      expect(await rt.stores.publications.newest('2026-11-28')).toBeNull();
    } finally {
      await schedule.stop();
    }
  });

  it('publishes each roll call at its own report time, added without a restart', async () => {
    clock.set('2026-11-30T03:00:00Z'); // Monday 10:00 WIB
    await rt.stores.settings.changeRules((rules) => withRollCall(rules, APEL_SORE));
    const schedule = startLocalSchedule(rt, silentLogger, 3_600_000);
    try {
      await schedule.tick();
      expect(await rt.stores.publications.newest('2026-11-30')).toMatchObject({ version: 1 });
      expect(await rt.stores.publications.newest('2026-11-30', 'sore')).toBeNull();
      clock.set('2026-11-30T09:59:00Z'); // 16:59
      await schedule.tick();
      expect(await rt.stores.publications.newest('2026-11-30', 'sore')).toBeNull();
      clock.set('2026-11-30T10:00:00Z'); // 17:00
      await schedule.tick();
      await schedule.tick();
      expect(await rt.stores.publications.newest('2026-11-30', 'sore')).toMatchObject({
        rollCallId: 'sore',
        version: 1,
      });
      const json = await readFile(join(rt.dataDir, 'reports/2026-11-30/sore/report.json'), 'utf8');
      expect(JSON.parse(json).rollCall).toMatchObject({ id: 'sore', name: 'Apel sore' });
    } finally {
      await schedule.stop();
    }
  });
});
