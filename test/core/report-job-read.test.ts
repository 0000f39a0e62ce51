import { describe, expect, it } from 'vitest';
import { StoreUnavailable } from '../../functions/core/errors';
import { readJob } from '../../functions/core/report-jobs';

const at = (body: string | null) => ({ read: async () => body, write: async () => {} });
const request = { kind: 'publish', date: '2026-11-26', rollCallId: 'pagi' } as const;

describe('reading a job’s status', () => {
  it('is null when none was asked for, the job when one was', async () => {
    expect(await readJob(at(null), request)).toBeNull();
    const job = { ...request, status: 'queued', requestedAt: '2026-11-26T01:00:00.000Z' };
    expect(await readJob(at(JSON.stringify(job)), request)).toEqual(job);
  });

  it('says "again shortly" (503), not a server error, for a file read while being written', async () => {
    await expect(readJob(at('{"kind":"publ'), request)).rejects.toBeInstanceOf(StoreUnavailable);
  });
});
