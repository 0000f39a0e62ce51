import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../../functions/adapters/dynamo/table';
import { DEFAULT_SETTINGS, type Settings } from '../../../functions/core/settings';
import { backends, freshStore } from '../../support/dynamo';

const A: Settings = { ...DEFAULT_SETTINGS, workdays: [1, 2, 3, 4, 5] };
const B: Settings = { ...DEFAULT_SETTINGS, workdays: [1, 2, 3, 4, 5, 6, 7] };
const at = (iso: string) => new Date(iso);

describe.each(backends())('settings with a history on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  const opened: Awaited<ReturnType<typeof freshStore>>[] = [];
  const store = async () => {
    const t = await freshStore(server.endpoint);
    opened.push(t);
    return t;
  };

  beforeAll(async () => {
    server = await backend.start();
  });
  afterAll(async () => {
    for (const t of opened) t.client.destroy();
    await server.stop();
  });

  it('a new deployment: its first settings record the first day; no rules before it', async () => {
    const { stores } = await store();
    // 08:00 WIB on Monday 9 November.
    await stores.settings.putSettings(A, at('2026-11-09T01:00:00Z'));
    expect(await stores.settings.settingsOn('2026-11-08')).toEqual({
      settings: null,
      firstDay: '2026-11-09',
    });
    expect(await stores.settings.settingsOn('2026-11-09')).toMatchObject({
      settings: A,
      firstDay: '2026-11-09',
    });
    // A later change does not move the first day.
    await stores.settings.putSettings(B, at('2026-11-20T01:00:00Z'));
    expect((await stores.settings.settingsOn('2026-11-15')).settings).toEqual(A);
    expect((await stores.settings.settingsOn('2026-11-20')).settings).toEqual(B);
    expect((await stores.settings.settingsOn('2026-11-08')).firstDay).toBe('2026-11-09');
    // The check-in's item holds the newest.
    expect(await stores.settings.getSettings()).toEqual(B);
  });

  it('a deployment from before history was kept: its past dates keep the rules it had', async () => {
    const { stores, tableName, doc } = await store();
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    // As the previous version stored them: the current item only, no versions, no first day.
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.settings(),
        UpdateExpression: 'SET settings = :s',
        ExpressionAttributeValues: { ':s': A },
      }),
    );
    expect(await stores.settings.settingsOn('2026-01-05')).toMatchObject({
      settings: A,
      firstDay: null,
    });
    await stores.settings.putSettings(B, at('2026-11-24T02:00:00Z'));
    expect(await stores.settings.settingsOn('2026-11-22')).toMatchObject({
      settings: A,
      firstDay: null,
    });
    expect(await stores.settings.settingsOn('2020-01-06')).toMatchObject({
      settings: A,
      firstDay: null,
    });
    expect((await stores.settings.settingsOn('2026-11-24')).settings).toEqual(B);
  });

  it('a deployment that ran on the defaults and published: the first change keeps them behind it', async () => {
    const { stores } = await store();
    await stores.publications.markNewestDate('2026-11-20');
    await stores.settings.putSettings(B, at('2026-11-24T02:00:00Z'));
    expect(await stores.settings.settingsOn('2026-11-20')).toMatchObject({
      settings: DEFAULT_SETTINGS,
      firstDay: null,
    });
    expect((await stores.settings.settingsOn('2026-11-25')).settings).toEqual(B);
  });

  it('a change in the evening counts from its own zone’s midnight', async () => {
    const { stores } = await store();
    const wib = { ...A, timezone: 'Asia/Jakarta' };
    const wit = { ...B, timezone: 'Asia/Jayapura' };
    await stores.settings.putSettings(wib, at('2026-11-01T01:00:00Z'));
    // 23:30 WIB on the 24th, but 01:30 WIT on the 25th: in the new zone it is the 25th already.
    await stores.settings.putSettings(wit, at('2026-11-24T16:30:00Z'));
    expect((await stores.settings.settingsOn('2026-11-24')).settings).toEqual(wib);
    expect((await stores.settings.settingsOn('2026-11-25')).settings).toEqual(wit);
  });

  it('finds the rules of a date behind many later changes', async () => {
    const { stores } = await store();
    await stores.settings.putSettings(A, at('2026-11-02T01:00:00Z'));
    for (let i = 0; i < 25; i++) {
      const when = new Date(Date.parse('2026-11-10T01:00:00Z') + i * 60_000);
      await stores.settings.putSettings({ ...B, maxAccuracyM: 100 + i }, when);
    }
    expect((await stores.settings.settingsOn('2026-11-09')).settings).toEqual(A);
    expect((await stores.settings.settingsOn('2026-11-10')).settings?.maxAccuracyM).toBe(124);
  });
});
