import { expect, describe as group, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../../functions/core/settings';
import type { Capture } from '../../../../../functions/http/pages/checkin/client/capture';
import {
  type Context,
  describe,
  type State,
} from '../../../../../functions/http/pages/checkin/client/view';
import { pageRules } from '../../../../../functions/http/routes/pages';

/**
 * What the check-in page shows in each state, decided without a browser: the states a browser
 * test cannot reach quickly (a 20-second GPS timeout, a wrong phone clock) are pinned here.
 */

const NOW = Date.parse('2026-11-27T00:12:30.000Z'); // 07.12 WIB
const capture = (capturedAt: string): Capture => ({
  owner: 'demo-001',
  body: { lat: 3.5905, lon: 98.6773, accuracy: 8, capturedAt, deviceId: 'd1' },
});
const ctx = (over: Partial<Context> = {}): Context => ({
  lang: 'id',
  rules: pageRules(DEFAULT_SETTINGS), // Asia/Jakarta, 06:30–08:00, 50 m, 120 s
  pending: null,
  now: NOW,
  geoTimeoutS: 20,
  ...over,
});
const checkin = {
  employeeId: 'demo-001',
  date: '2026-11-27',
  rollCallId: 'pagi',
  status: 'on_time' as const,
  siteId: 'balai-kota-medan',
  distanceToEdgeM: 4,
  accuracyM: 8,
  flags: [] as string[],
  capturedAt: '2026-11-27T00:12:00.000Z',
  receivedAt: '2026-11-27T00:12:01.000Z',
};

group('check-in page states', () => {
  it('recorded: the time in the deployment zone with its Indonesian name, and the status', () => {
    const s = describe({ k: 'recorded', checkin, duplicate: false }, ctx());
    expect(s.title).toBe('Anda tercatat hadir pukul 07.12 WIB — tepat waktu.');
    expect(s.primary).toBeNull();
    expect(s.tone).toBe('success');
    const late = { ...checkin, status: 'late' as const, flags: ['near_edge'] };
    const again = describe({ k: 'recorded', checkin: late, duplicate: true }, ctx({ lang: 'en' }));
    expect(again.title).toBe('You were already recorded present at 07:12 WIB — late.');
    expect(again.lines).toEqual(['You are at the edge of the apel ground.']);
    const wita = describe(
      { k: 'recorded', checkin, duplicate: false },
      ctx({ rules: { ...ctx().rules, timezone: 'Asia/Makassar' } }),
    );
    expect(wita.title).toContain('pukul 08.12 WITA');
  });

  it('a GPS timeout and an unavailable position each say what to do', () => {
    const timeout = describe({ k: 'geo-failed', reason: 'timeout' }, ctx());
    expect(timeout.lines).toEqual([
      'GPS belum mendapat lokasi dalam 20 detik. Pindah ke tempat terbuka, lalu coba lagi.',
    ]);
    expect(timeout.primary).toMatchObject({ label: 'Coba lagi', action: 'capture' });
    const none = describe({ k: 'geo-failed', reason: 'unavailable' }, ctx({ lang: 'en' }));
    expect(none.lines[0]).toMatch(/^Your location could not be determined/);
  });

  it('CLOCK_SKEW for a fresh capture is the phone clock: the server message, and a new fix', () => {
    const state: State = {
      k: 'refused',
      error: { code: 'CLOCK_SKEW', message: 'x', details: { skewS: 300, maxClockSkewS: 120 } },
      capture: capture('2026-11-27T00:12:20.000Z'),
    };
    const s = describe(state, ctx());
    expect(s.lines).toEqual([
      'Jam perangkat Anda selisih 300 detik dari jam server. Aktifkan waktu otomatis.',
    ]);
    expect(s.primary).toMatchObject({ label: 'Ambil lokasi baru', action: 'capture' });
  });

  it('CLOCK_SKEW for a capture kept past the limit says it is too old, not that the clock is wrong', () => {
    const state: State = {
      k: 'refused',
      error: { code: 'CLOCK_SKEW', message: 'x', details: { skewS: 400, maxClockSkewS: 120 } },
      capture: capture('2026-11-27T00:05:50.000Z'),
    };
    const s = describe(state, ctx());
    expect(s.lines).toEqual([
      'Lokasi ini diambil pukul 07.05 WIB, sudah terlalu lama untuk dikirim. Ambil lokasi baru di lapangan apel.',
    ]);
    expect(s.fix).toBeNull(); // the time is in the message already
  });

  it('an unknown refusal code falls back to the server’s own message', () => {
    const state: State = {
      k: 'refused',
      error: { code: 'SOMETHING_NEW', message: 'Pesan dari server.', details: {} },
      capture: capture('2026-11-27T00:12:20.000Z'),
    };
    const s = describe(state, ctx());
    expect(s.lines).toEqual(['Pesan dari server.']);
    expect(s.primary?.label).toBe('Coba lagi');
  });

  it('signed out: why, and the capture still waiting to be sent', () => {
    const s = describe(
      { k: 'signed-out', why: 'expired' },
      ctx({ pending: capture('2026-11-27T00:12:20.000Z') }),
    );
    expect(s.primary).toMatchObject({ label: 'Masuk', action: 'sign-in' });
    expect(s.lines).toEqual([
      'Sesi masuk Anda sudah berakhir. Silakan masuk lagi; absen yang tersimpan dikirim setelahnya.',
      'Absen Anda (lokasi pukul 07.12 WIB) tersimpan dan belum terkirim.',
    ]);
    const failed = describe({ k: 'signed-out', why: { failed: 'token' } }, ctx());
    expect(failed.tone).toBe('error');
    expect(failed.lines).toEqual([
      'Jawaban layanan masuk tidak dapat diverifikasi, jadi Anda belum masuk. Silakan coba lagi; bila terus gagal, hubungi admin (BKD).',
    ]);
    const en = describe({ k: 'signed-out', why: { failed: 'denied' } }, ctx({ lang: 'en' }));
    expect(en.lines).toEqual(['Sign-in was cancelled. Tap Sign in to try again.']);
  });

  it('locating counts the seconds up to the timeout; busy states cannot be tapped', () => {
    const s = describe({ k: 'locating', since: NOW - 7_400 }, ctx());
    expect(s.progress).toEqual({
      value: 7,
      max: 20,
      text: '7 detik (paling lama 20 detik). Tetap di tempat terbuka.',
    });
    expect(s.primary).toMatchObject({ busy: true, action: 'none' });
    expect(describe({ k: 'locating', since: NOW - 60_000 }, ctx()).progress?.value).toBe(20);
    expect(describe({ k: 'sending' }, ctx()).primary).toMatchObject({ busy: true });
  });

  it('no sign-in configured, no configuration at all, or no https', () => {
    expect(describe({ k: 'no-sign-in' }, ctx()).lines).toEqual([
      'Masuk belum diatur di server ini. Hubungi admin (BKD).',
    ]);
    expect(describe({ k: 'broken' }, ctx()).primary).toMatchObject({ action: 'reload' });
    const insecure = describe({ k: 'insecure' }, ctx());
    expect(insecure.primary).toBeNull();
    expect(insecure.lines[0]).toMatch(/^Halaman ini harus dibuka lewat alamat https:\/\//);
  });
});
