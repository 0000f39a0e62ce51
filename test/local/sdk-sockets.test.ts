import { afterAll, describe, expect, it, vi } from 'vitest';
import type { AppLogger } from '../../functions/http/env';
import { testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';

// Issue 12, item 14: `npm test` printed hundreds of the SDK's "socket usage at capacity" warnings.
// A burst far beyond the local server's socket pool: the SDK may still see a queue, but says so
// in the app's log, never on the console.

const warnings: { message: string; attributes?: Record<string, unknown> }[] = [];
const logger: AppLogger = {
  info() {},
  warn: (message, attributes) => warnings.push({ message, ...(attributes ? { attributes } : {}) }),
  error() {},
};
const clock = new FakeClock(new Date('2026-11-24T02:00:00.000Z'));
const rt = await testRuntime(clock, { roster: 1, logger });
afterAll(() => rt.close());

describe('the local server’s DynamoDB client under a burst', () => {
  it('keeps the SDK’s socket warnings off the console', async () => {
    const consoleWarn = vi.spyOn(console, 'warn');
    try {
      // 2,000 reads at once: with the SDK's 50 sockets they queue for seconds.
      const all = await Promise.all(
        Array.from({ length: 2_000 }, () => rt.stores.settings.getSettings()),
      );
      expect(all).toHaveLength(2_000);
      const onConsole = consoleWarn.mock.calls.filter((c) => String(c[0]).includes('socket usage'));
      expect(onConsole).toEqual([]);
      for (const w of warnings.filter((x) => x.message === 'DynamoDB client')) {
        expect(String(w.attributes?.sdk)).toContain('socket usage');
      }
    } finally {
      consoleWarn.mockRestore();
    }
  }, 60_000);
});
