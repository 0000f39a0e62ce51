import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderWall } from '../../../functions/core/render/html';
import { DEFAULT_SETTINGS } from '../../../functions/core/settings';
import { WALL_REFRESH_S } from '../../../functions/http/routes/wall';
import { answerOf } from '../../support/answer';
import { testRuntime } from '../../support/app';
import { FakeClock } from '../../support/memory-store';
import { TOKEN_KINDS, tokenHeaders } from '../../support/tokens';

/**
 * Who counts as signed in for the wall (issue 12.8), through the wall's routes: with
 * `wallAccess: "authenticated"`, admins and employees on the roster on the wall's date; a valid
 * token for anyone else is 403 NOT_ON_ROSTER, a bad or missing one 401.
 */

// Friday 27 November 2026, 08:30 WIB: the 26th and the 27th are both publishable.
const clock = new FakeClock(new Date('2026-11-27T01:30:00.000Z'));
const rt = await testRuntime(clock, { roster: 20 });
afterAll(() => rt.close());
const ADMIN = { as: 'bkd-admin', admin: true };

const get = async (path: string, authorization: string | null) =>
  answerOf(await rt.app.request(path, { headers: authorization ? { authorization } : {} }));
const bearer = async (employeeId: string, admin = false) =>
  `Bearer ${await rt.token(employeeId, admin)}`;

describe('the wall before anything is published', () => {
  it('is 404 for a reader on the roster before anything is published, 403 for a stranger', async () => {
    expect((await get('/wall', await bearer('demo-001'))).status).toBe(404);
    const stranger = await get('/wall', await bearer('not-on-roster'));
    expect(stranger.status).toBe(403);
    expect(stranger.json.error.code).toBe('NOT_ON_ROSTER');
  });
});

describe('the wall with wallAccess: authenticated', () => {
  beforeAll(async () => {
    for (const date of ['2026-11-26', '2026-11-27']) {
      const r = await rt.call('POST', `/v1/reports/${date}/publish`, ADMIN);
      expect(r.status).toBe(200);
    }
    // demo-002 left after the 26th; demo-003 joins on the 30th; demo-004 is simply inactive.
    const roster = await rt.stores.roster.getMany(['demo-002', 'demo-003', 'demo-004']);
    const at = (id: string) => roster.get(id) as NonNullable<ReturnType<typeof roster.get>>;
    await rt.stores.roster.put({ ...at('demo-002'), active: false, until: '2026-11-26' });
    await rt.stores.roster.put({ ...at('demo-003'), since: '2026-11-30' });
    await rt.stores.roster.put({ ...at('demo-004'), active: false });
  });

  it('opens for an employee on the roster, and for an admin who is not on it', async () => {
    for (const who of [await bearer('demo-001'), await bearer('bkd-admin', true)]) {
      for (const path of ['/wall', '/wall/2026-11-26', '/wall/2026-11-27']) {
        const r = await get(path, who);
        expect(r.status, path).toBe(200);
        expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      }
    }
    expect((await get('/wall', await bearer('demo-001'))).text).toContain('27 November 2026');
  });

  it('serves the lobby page from the wall file the publication stored, never reading the report', async () => {
    const reads: string[] = [];
    const read = rt.publisher.read.bind(rt.publisher);
    rt.publisher.read = async (key: string) => {
      reads.push(key);
      return read(key);
    };
    let pages: Record<string, string> = {};
    try {
      for (const lang of ['id', 'en'] as const) {
        const r = await get(`/wall/2026-11-26?lang=${lang}`, await bearer('demo-001'));
        expect(r.status).toBe(200);
        expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
        expect(r.headers.get('cache-control')).toBe('private, no-store');
        pages = { ...pages, [lang]: r.text };
      }
    } finally {
      rt.publisher.read = read;
    }
    expect(reads).toEqual([
      'reports/2026-11-26/v1/id/wall.html',
      'reports/2026-11-26/v1/en/wall.html',
    ]);
    expect(reads.some((k) => k.endsWith('.json'))).toBe(false);
    // The same page the report renders as a lobby screen: the pager, the reload, the language.
    const report = JSON.parse((await read('reports/2026-11-26/v1/report.json')) as string);
    for (const lang of ['id', 'en'] as const) {
      expect(pages[lang]).toBe(renderWall(report, { lang, refreshS: WALL_REFRESH_S }));
    }
    expect(pages.en).toContain('<html lang="en">');
    expect(pages.id).toContain(`data-refresh="${WALL_REFRESH_S}"`);
  });

  it('refuses a valid token for someone not on the roster: 403 NOT_ON_ROSTER, no names', async () => {
    for (const path of ['/wall', '/wall/2026-11-26']) {
      const r = await get(path, await bearer('someone-else'));
      expect(r.status, path).toBe(403);
      expect(r.json.error.code).toBe('NOT_ON_ROSTER');
      expect(r.json.error.message).toBe(
        'Anda tidak terdaftar sebagai peserta apel yang aktif. Hubungi BKD.',
      );
      expect(r.text).not.toMatch(/demo-0\d\d|Siregar|Nasution/);
    }
  });

  it('follows the roster on the wall’s date: a leaver sees the days they were on it, a newcomer not yet', async () => {
    const leaver = await bearer('demo-002');
    expect((await get('/wall/2026-11-26', leaver)).status).toBe(200);
    expect((await get('/wall/2026-11-27', leaver)).status).toBe(403);
    // GET /wall is the newest published day, the 27th.
    expect((await get('/wall', leaver)).status).toBe(403);
    const newcomer = await bearer('demo-003');
    expect((await get('/wall/2026-11-27', newcomer)).status).toBe(403);
    const inactive = await bearer('demo-004');
    for (const path of ['/wall', '/wall/2026-11-26']) {
      const r = await get(path, inactive);
      expect(r.status, path).toBe(403);
      expect(r.json.error.code).toBe('NOT_ON_ROSTER');
    }
  });

  it('answers 401 UNAUTHORIZED to every kind of bad token, even one naming an admin', async () => {
    const tokens = await tokenHeaders(
      rt.dataDir,
      { employee: 'demo-001', admin: 'bkd-admin' },
      rt.token,
    );
    // A groups claim given as a string is a valid token without the admin role: not "bad" here
    // (the matrix has it: 403, the admin's id is not on the roster).
    const bad = TOKEN_KINDS.filter(
      (k) => k !== 'employee' && k !== 'admin' && k !== 'groups as a string',
    );
    expect(bad.length).toBeGreaterThanOrEqual(6);
    for (const kind of bad) {
      for (const path of ['/wall', '/wall/2026-11-27']) {
        const r = await get(path, tokens[kind]);
        expect(r.status, `${kind} ${path}`).toBe(401);
        expect(r.json.error.code).toBe('UNAUTHORIZED');
      }
    }
    expect((await get('/wall', 'Bearer not-a-jwt')).status).toBe(401);
    expect((await get('/wall', 'Basic ZGVtbzpkZW1v')).status).toBe(401);
  });

  it('opens to anyone, strangers and bad tokens included, once the wall is public', async () => {
    await rt.stores.settings.putSettings({ ...DEFAULT_SETTINGS, wallAccess: 'public' });
    try {
      for (const who of [null, await bearer('someone-else'), 'Bearer not-a-jwt']) {
        expect((await get('/wall', who)).status).toBe(200);
      }
    } finally {
      await rt.stores.settings.putSettings(DEFAULT_SETTINGS);
    }
    expect((await get('/wall', null)).status).toBe(401);
  });
});
