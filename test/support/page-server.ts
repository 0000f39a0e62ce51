import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Clock } from '../../functions/core/ports';
import { testRuntime } from './app';
import { settingsOpenNow } from './lambda';

/** The real clock moved by `offsetMs`: "the retry reached the server five minutes later". */
export class ShiftedClock implements Clock {
  offsetMs = 0;
  now() {
    return new Date(Date.now() + this.offsetMs);
  }
}

export interface CheckinHit {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly response: any;
}

/**
 * The local runtime (in memory, demo seeded, demo sign-in) served on 127.0.0.1 for a browser,
 * with the window open around now, and a record of every POST /v1/checkins that reached it.
 */
export async function pageServer() {
  const clock = new ShiftedClock();
  const rt = await testRuntime(clock);
  await rt.stores.settings.putSettings(settingsOpenNow());
  const hits: CheckinHit[] = [];
  const server = serve({
    hostname: '127.0.0.1',
    port: 0,
    fetch: async (req: Request) => {
      const isCheckin = req.method === 'POST' && new URL(req.url).pathname === '/v1/checkins';
      const copy = isCheckin ? req.clone() : null;
      const res = await rt.app.fetch(req);
      if (copy) {
        hits.push({
          status: res.status,
          body: JSON.parse(await copy.text()),
          response: await res.clone().json(),
        });
      }
      return res;
    },
  });
  if (!server.listening) await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    rt,
    clock,
    hits,
    base: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rt.close();
    },
  };
}
