import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import { validatedSchemas } from '../../functions/http/validate';
import { customIndonesian } from '../../functions/http/validation-messages';
import { demoFix, testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';

const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z'));
let rt: Awaited<ReturnType<typeof testRuntime>>;

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 3 });
});
afterAll(() => rt.close());

const admin = { as: 'bkd-admin', admin: true } as const;
/** valibot's own English, which must never reach an Indonesian reader. */
const VALIBOT_ENGLISH = /Invalid|Expected|Received|but received/;

describe('VALIDATION_FAILED in the reader’s language', () => {
  it('Indonesian by default: the message and every issue', async () => {
    const r = await rt.call('POST', '/v1/checkins', { as: 'demo-001', body: { lat: 'here' } });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toBe(
      'Permintaan tidak valid: lat — harus berupa angka, bukan teks.',
    );
    expect(r.json.error.details.issues).toEqual(
      expect.arrayContaining([
        { path: 'lat', message: 'harus berupa angka, bukan teks' },
        { path: 'lon', message: 'wajib diisi' },
        { path: 'capturedAt', message: 'wajib diisi' },
      ]),
    );
    expect(r.text).not.toMatch(VALIBOT_ENGLISH);
  });

  it('English with Accept-Language: en or ?lang=en', async () => {
    for (const o of [{ headers: { 'accept-language': 'en' } }, {}]) {
      const url = 'headers' in o ? '/v1/checkins' : '/v1/checkins?lang=en';
      const r = await rt.call('POST', url, { as: 'demo-001', body: { lat: 'here' }, ...o });
      expect(r.json.error.message).toBe(
        'The request is not valid: lat — must be a number, not text.',
      );
      expect(r.json.error.details.issues).toContainEqual({ path: 'lon', message: 'is required' });
    }
  });

  it('words ranges, lengths, choices and unknown fields', async () => {
    const cases: [string, string, unknown, string, string][] = [
      ['POST', '/v1/checkins', demoFix(clock, { lat: 91 }), 'lat', 'paling besar 90'],
      ['POST', '/v1/checkins', demoFix(clock, { accuracy: 0 }), 'accuracy', 'harus lebih dari 0'],
      ['PUT', '/v1/holidays/2026-12-25', { name: '' }, 'name', 'tidak boleh kosong'],
      [
        'PUT',
        '/v1/settings',
        { ...DEFAULT_SETTINGS, language: 'fr' },
        'language',
        'harus salah satu dari ("id" | "en")',
      ],
      [
        'PUT',
        '/v1/settings',
        { ...DEFAULT_SETTINGS, openAt: '07:00' },
        'openAt',
        'kolom ini tidak dikenal',
      ],
      [
        'PUT',
        '/v1/settings',
        { ...DEFAULT_SETTINGS, workdays: [1.5] },
        'workdays.0',
        'harus berupa bilangan bulat',
      ],
    ];
    for (const [method, url, body, path, message] of cases) {
      const r = await rt.call(method, url, { ...admin, as: 'demo-001', admin: true, body });
      expect(r.status, r.text).toBe(400);
      expect(r.json.error.details.issues, r.text).toContainEqual({ path, message });
      expect(r.text).not.toMatch(VALIBOT_ENGLISH);
    }
  });

  it('the schemas’ own rules, in Indonesian and in English', async () => {
    const body = { ...DEFAULT_SETTINGS, opensAt: '7am' };
    const id = await rt.call('PUT', '/v1/settings', { ...admin, body });
    expect(id.json.error.details.issues).toContainEqual({
      path: 'opensAt',
      message: 'harus berupa jam (24 jam) "HH:MM"',
    });
    const en = await rt.call('PUT', '/v1/settings?lang=en', { ...admin, body });
    expect(en.json.error.details.issues).toContainEqual({
      path: 'opensAt',
      message: 'expected a 24-hour time "HH:MM"',
    });
  });

  it('a body that is not JSON, or not sent as JSON', async () => {
    const broken = await rt.call('POST', '/v1/checkins', {
      as: 'demo-001',
      body: '{"lat": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.json.error.message).toBe(
      'Permintaan tidak valid: isi permintaan bukan JSON yang sah.',
    );
    const plain = await rt.call('POST', '/v1/checkins', {
      as: 'demo-001',
      body: JSON.stringify(demoFix(clock)),
      headers: { 'content-type': 'text/plain' },
    });
    expect(plain.json.error.message).toBe(
      'Permintaan tidak valid: isi permintaan harus JSON (Content-Type: application/json).',
    );
  });
});

/** Every message string written into a schema, wherever it sits in the tree. */
function messagesIn(node: unknown, found = new Set<string>(), seen = new Set<unknown>()) {
  if (typeof node !== 'object' || node === null || seen.has(node)) return found;
  seen.add(node);
  const n = node as Record<string, unknown>;
  if (typeof n.message === 'string' && typeof n.kind === 'string') found.add(n.message);
  for (const key of [
    'entries',
    'pipe',
    'wrapped',
    'item',
    'options',
    'key',
    'value',
    'rest',
    'items',
  ]) {
    const child = n[key];
    if (Array.isArray(child)) for (const c of child) messagesIn(c, found, seen);
    else if (child && typeof child === 'object') {
      if (key === 'entries') for (const c of Object.values(child)) messagesIn(c, found, seen);
      else messagesIn(child, found, seen);
    }
  }
  return found;
}

describe('the message table', () => {
  it('has Indonesian for every message a validated schema spells out', () => {
    expect(validatedSchemas.size).toBeGreaterThan(10);
    const messages = new Set<string>();
    for (const s of validatedSchemas) messagesIn(s, messages);
    expect(messages.size).toBeGreaterThan(5);
    expect([...messages].filter((m) => customIndonesian(m) === undefined)).toEqual([]);
  });
});

describe('INVALID_GEOMETRY in the reader’s language', () => {
  const ring = (pts: number[][]) => ({
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [pts] },
    properties: { name: 'Lapangan' },
  });
  const grounds: [string, unknown, RegExp][] = [
    [
      'crosses itself',
      ring([
        [98.67, 3.59],
        [98.671, 3.591],
        [98.671, 3.59],
        [98.67, 3.591],
        [98.67, 3.59],
      ]),
      /memotong dirinya sendiri di dekat \[/,
    ],
    [
      'not closed',
      ring([
        [98.67, 3.59],
        [98.671, 3.59],
        [98.671, 3.591],
        [98.67, 3.591],
      ]),
      /harus tertutup/,
    ],
    [
      'lat and lon swapped',
      ring([
        [3.59, 98.67],
        [3.59, 98.671],
        [3.591, 98.671],
        [3.59, 98.67],
      ]),
      /tampaknya tertukar/,
    ],
    [
      'too small',
      ring([
        [98.67, 3.59],
        [98.67001, 3.59],
        [98.67001, 3.59001],
        [98.67, 3.59001],
        [98.67, 3.59],
      ]),
      /tidak wajar untuk lapangan apel \(50 m² s\.d\. 10 km²\)/,
    ],
    [
      'no polygon',
      {
        type: 'Feature',
        geometry: { type: 'MultiPolygon', coordinates: [] },
        properties: { name: 'x' },
      },
      /paling sedikit satu poligon/,
    ],
  ];
  it('names the problem in Indonesian, and in English on request', async () => {
    for (const [what, body, id] of grounds) {
      const r = await rt.call('PUT', '/v1/sites/uji', { ...admin, body });
      expect(r.json.error.code, what).toBe('INVALID_GEOMETRY');
      expect(r.json.error.message, what).toMatch(/^Bentuk lapangan apel tidak valid: /);
      expect(r.json.error.message, what).toMatch(id);
      expect(r.json.error.message, what).not.toMatch(
        /ring|position|boundary|polygon needs|area of/,
      );
      const en = await rt.call('PUT', '/v1/sites/uji?lang=en', { ...admin, body });
      expect(en.json.error.message, what).toBe(
        `The apel ground's shape is not valid: ${en.json.error.details.problem}.`,
      );
    }
  });
});

describe('the routes’ own issues in the reader’s language', () => {
  /** Words of the English issue texts below; none may reach an Indonesian reader. */
  const ENGLISH = /\b(no ground|is not on the roster|is expected|only)\b/;
  const cases: [string, string, string, unknown, string, string][] = [
    [
      'an employee on a ground that does not exist',
      'PUT',
      '/v1/employees/uji-1',
      { name: 'Uji', unit: 'Dinas Uji', siteIds: ['tidak-ada'], active: true },
      'tidak ada lapangan apel dengan id tidak-ada',
      'no ground with id tidak-ada',
    ],
    [
      'an excuse for someone not on the roster',
      'POST',
      '/v1/excuses',
      { employeeId: 'bukan-pegawai', from: '2026-11-27', to: '2026-11-27', kind: 'sick' },
      'bukan-pegawai tidak ada di daftar pegawai',
      'bukan-pegawai is not on the roster',
    ],
  ];
  it.each(cases)(
    '%s: Indonesian by default, English on request',
    async (_, method, url, body, id, en) => {
      const r = await rt.call(method, url, { ...admin, body });
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('VALIDATION_FAILED');
      expect(r.json.error.details.issues.map((i: { message: string }) => i.message)).toEqual([id]);
      expect(JSON.stringify(r.json.error)).not.toMatch(ENGLISH);
      const e = await rt.call(method, `${url}?lang=en`, { ...admin, body });
      expect(e.json.error.details.issues.map((i: { message: string }) => i.message)).toEqual([en]);
    },
  );
});
