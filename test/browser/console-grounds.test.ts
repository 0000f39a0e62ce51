import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PAGE_ASSETS } from '../../functions/http/pages/assets.generated';
import { demoFix } from '../support/app';
import { noChromium } from '../support/browser';
import { axe, consoleSuite, DESK, shot, TABLET } from '../support/console-page';
import { csp } from '../support/csp';

/**
 * Lapangan / Grounds in Chromium against the local runtime, with the tile server unreachable
 * (as in CI: no network): the map still draws; a ground with a hole is drawn through
 * leaflet-geoman with the mouse, saved, and the server's geofence then refuses a fix in the hole
 * and accepts one in the ring; an uploaded self-intersecting GeoJSON shows the server's own
 * INVALID_GEOMETRY message beside the map; the map bundle loads on this screen only; the CSP
 * adds the tile host and nothing else.
 */

const TILES = 'https://tile.openstreetmap.org';
// A 1×1 PNG: what a tile server answers, as far as the page can tell.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
let suite: ReturnType<typeof consoleSuite>;

/** Tiles refused at the network, as where there is none; every tile request is counted. */
async function noTiles(page: Page): Promise<{ tries: number }> {
  const seen = { tries: 0 };
  await page.context().route(`${TILES}/**`, (route) => {
    seen.tries++;
    return route.abort('internetdisconnected');
  });
  return seen;
}

async function openGrounds(viewport = DESK) {
  const page = await suite.open(viewport);
  const tiles = await noTiles(page);
  await suite.signIn(page, /Admin BKD/, '/admin/grounds');
  await page.getByRole('heading', { name: 'Lapangan apel', level: 1 }).waitFor();
  await page.locator('#ground-map.leaflet-container').waitFor();
  return { page, tiles };
}

/** Click the map at these offsets from its top-left corner, then on the first again to close. */
async function clickRing(page: Page, points: readonly (readonly [number, number])[]) {
  await page.locator('#ground-map').scrollIntoViewIfNeeded(); // the mouse acts in the viewport
  const box = (await page.locator('#ground-map').boundingBox())!;
  for (const [x, y] of [...points, points[0]!]) {
    await page.mouse.click(box.x + x, box.y + y);
    await page.waitForTimeout(120); // geoman places a vertex per click; let each land
  }
}

describe.skipIf(noChromium)('console: Lapangan / Grounds in Chromium', () => {
  suite = consoleSuite();
  const pages = suite.pages;
  const admin = { as: 'bkd-admin', admin: true } as const;

  it('the map bundle loads on the grounds screen only; the CSP adds the tile host, nothing else', async () => {
    const page = await suite.open(DESK);
    await noTiles(page);
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await suite.signIn(page, /Admin BKD/);
    await page.getByRole('heading', { name: 'Apel pagi hari ini' }).waitFor();
    const map = `/assets/${PAGE_ASSETS['grounds-map.js'].file}`;
    const style = `/assets/${PAGE_ASSETS['grounds-map.css'].file}`;
    expect(fetched).toContain(`/assets/${PAGE_ASSETS['console.js'].file}`);
    expect(fetched).not.toContain(map);
    expect(fetched).not.toContain(style);

    await page.getByRole('link', { name: 'Lapangan' }).click();
    await page.locator('#ground-map.leaflet-container').waitFor();
    expect(fetched).toContain(map);
    expect(fetched).toContain(style);

    const [console, checkin] = await Promise.all([
      fetch(`${pages.srv.base}/admin/grounds`),
      fetch(`${pages.srv.base}/`),
    ]);
    const a = csp(console.headers);
    const b = csp(checkin.headers);
    expect(a['img-src']).toBe(`${b['img-src']} ${TILES}`);
    expect({ ...a, 'img-src': '' }).toEqual({ ...b, 'img-src': '' });
    // What the page reads to draw the base map: the same host, with OpenStreetMap's credit.
    const cfg = (await (await fetch(`${pages.srv.base}/config.json`)).json()) as any;
    expect(cfg.map.tileUrl).toBe(`${TILES}/{z}/{x}/{y}.png`);
    expect(cfg.map.attribution).toContain('OpenStreetMap');
    expect(await page.locator('.leaflet-control-attribution').textContent()).toContain(
      'OpenStreetMap',
    );
  });

  it('with the tile server reachable, its tiles draw under the grounds, within the CSP', async () => {
    const page = await suite.open(DESK);
    let served = 0;
    await page.context().route(`${TILES}/**`, (route) => {
      served++;
      return route.fulfill({ status: 200, contentType: 'image/png', body: PNG });
    });
    await suite.signIn(page, /Admin BKD/, '/admin/grounds');
    await page.locator('#ground-map .leaflet-tile-loaded').first().waitFor();
    expect(served).toBeGreaterThan(0);
    expect(await page.locator('#base-map-note').count()).toBe(0);
    expect(await page.locator('#ground-map path.leaflet-interactive').count()).toBeGreaterThan(0);
    // A CSP refusal of a tile would be a console error, and fail this test in afterEach.
  });

  it('draws a ground with a hole through geoman; the geofence refuses the hole, accepts the ring', async () => {
    const { page, tiles } = await openGrounds();
    // No tiles: a note says so, and the shapes still draw on the plain background.
    await page.locator('#base-map-note').waitFor();
    expect(tiles.tries).toBeGreaterThan(0);
    expect(await page.locator('#base-map-note').textContent()).toContain(
      'Peta dasar tidak tersedia',
    );
    expect(await page.locator('#ground-map path.leaflet-interactive').count()).toBe(1); // the demo ground

    await page.getByRole('button', { name: '+ Lapangan baru' }).click();
    await page.getByLabel('Nama lapangan').fill('Lapangan Uji Timur');
    expect(await page.getByLabel('ID lapangan').inputValue()).toBe('lapangan-uji-timur');

    await page.getByRole('button', { name: 'Gambar batas' }).click();
    await page.getByRole('status').filter({ hasText: 'Menggambar' }).waitFor();
    await clickRing(page, [
      [120, 60],
      [520, 60],
      [520, 380],
      [120, 380],
    ]);
    await expect
      .poll(() => page.locator('#shape-summary').textContent(), { timeout: 10_000 })
      .toBe('1 bagian, 0 lubang, 4 titik sudut.');

    await page.getByRole('button', { name: 'Buat lubang' }).click();
    await page.getByRole('status').filter({ hasText: 'Membuat lubang' }).waitFor();
    await clickRing(page, [
      [260, 160],
      [380, 160],
      [380, 280],
      [260, 280],
    ]);
    await expect
      .poll(() => page.locator('#shape-summary').textContent(), { timeout: 10_000 })
      .toBe('1 bagian, 1 lubang, 8 titik sudut.');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'grounds-01-drawn-with-hole');

    await page.getByRole('button', { name: 'Simpan lapangan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Lapangan “Lapangan Uji Timur” dibuat.' })
      .waitFor();
    expect(await page.locator('#ground-list').textContent()).toContain('Lapangan Uji Timur');

    // What the server stored is what was drawn: one polygon, its outer ring and one hole.
    const site = await pages.srv.rt.call('GET', '/v1/sites/lapangan-uji-timur', admin);
    expect(site.status).toBe(200);
    expect(site.json.geometry.type).toBe('Polygon');
    const [outer, hole] = site.json.geometry.coordinates as number[][][];
    expect(outer).toHaveLength(5);
    expect(hole).toHaveLength(5);
    const mid = (ring: number[][]) =>
      [0, 1].map((k) => ring.slice(0, -1).reduce((s, p) => s + p[k]!, 0) / 4) as [number, number];
    const inHole = mid(hole!);
    // Halfway between a corner of the outer ring and the nearest corner of the hole.
    const near = (p: number[]) =>
      hole!.reduce((a, q) =>
        Math.hypot(q[0]! - p[0]!, q[1]! - p[1]!) < Math.hypot(a[0]! - p[0]!, a[1]! - p[1]!) ? q : a,
      );
    const corner = outer![0]!;
    const other = near(corner);
    const inRing = [(corner[0]! + other[0]!) / 2, (corner[1]! + other[1]!) / 2] as const;

    // An employee of that ground checks in: inside the hole is outside the ground.
    const who = 'demo-050';
    expect(
      (
        await pages.srv.rt.call('PATCH', `/v1/employees/${who}`, {
          ...admin,
          body: { siteIds: ['lapangan-uji-timur'] },
        })
      ).status,
    ).toBe(200);
    const clock = pages.srv.clock;
    const refused = await pages.srv.rt.call('POST', '/v1/checkins', {
      as: who,
      body: demoFix(clock, { lon: inHole[0], lat: inHole[1], accuracy: 5 }),
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('OUTSIDE_GEOFENCE');
    const accepted = await pages.srv.rt.call('POST', '/v1/checkins', {
      as: who,
      body: demoFix(clock, { lon: inRing[0], lat: inRing[1], accuracy: 5 }),
    });
    expect(accepted.status).toBe(201);
    expect(accepted.json.checkin.siteId).toBe('lapangan-uji-timur');
    await shot(page, 'grounds-02-saved');
  }, 60_000);

  it('an uploaded self-intersecting GeoJSON shows the server’s INVALID_GEOMETRY message at the map', async () => {
    const { page } = await openGrounds();
    const bowtie = {
      type: 'Feature',
      properties: { name: 'Lapangan Dasi' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [98.676, 3.589],
            [98.679, 3.592],
            [98.679, 3.589],
            [98.676, 3.592],
            [98.676, 3.589],
          ],
        ],
      },
    };
    await page.getByLabel('Unggah GeoJSON').setInputFiles({
      name: 'dasi.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(bowtie)),
    });
    await page.getByRole('status').filter({ hasText: 'Bentuk dari dasi.geojson dimuat' }).waitFor();
    expect(await page.getByLabel('Nama lapangan').inputValue()).toBe('Lapangan Dasi');
    await page.getByRole('button', { name: 'Simpan lapangan' }).click();

    // The server's own words, as the API gives them to anyone who sends this shape.
    const direct = await pages.srv.rt.call('PUT', '/v1/sites/lapangan-dasi?lang=id', {
      ...admin,
      body: bowtie,
    });
    expect(direct.status).toBe(400);
    expect(direct.json.error.code).toBe('INVALID_GEOMETRY');
    const problem = page.locator('#ground-problem');
    await problem.waitFor();
    expect(await problem.locator('p').first().textContent()).toBe(direct.json.error.message);
    expect(direct.json.error.message).toMatch(/memotong dirinya sendiri/);
    // The spot the server named is marked on the map, and said in words beside it.
    expect(await page.locator('.problem-tip').textContent()).toBe('Masalah di sini');
    expect(await problem.textContent()).toContain(`lintang ${direct.json.error.details.lat}`);
    expect((await pages.srv.rt.call('GET', '/v1/sites/lapangan-dasi', admin)).status).toBe(404);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'grounds-03-invalid-geometry');
  });

  it('on a tablet: the form above the map; a vertex dragged and saved; a ground deleted', async () => {
    const { page } = await openGrounds(TABLET);
    await page.getByRole('button', { name: 'Ubah lapangan Halaman Balai Kota Medan' }).click();
    await expect
      .poll(() => page.locator('#shape-summary').textContent(), { timeout: 10_000 })
      .toMatch(/^1 bagian/);
    await page.getByRole('button', { name: 'Ubah titik' }).click();
    await page.locator('#ground-map .marker-icon').first().waitFor();
    const form = (await page.locator('.grounds-side').boundingBox())!;
    const map = (await page.locator('#ground-map').boundingBox())!;
    expect(form.y).toBeLessThan(map.y);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      768,
    );
    expect(await axe(page)).toEqual([]);
    await shot(page, 'grounds-04-tablet-edit');

    // Drag the first corner 40 px right and down; geoman moves the vertex, the form sees it.
    const before = (await pages.srv.rt.call('GET', '/v1/sites/balai-kota-medan', admin)).json;
    await page.locator('#ground-map').scrollIntoViewIfNeeded(); // the mouse acts in the viewport
    const handle = (await page
      .locator('#ground-map .marker-icon:not(.marker-icon-middle)')
      .first()
      .boundingBox())!;
    const [hx, hy] = [handle.x + handle.width / 2, handle.y + handle.height / 2];
    await page.mouse.move(hx, hy);
    await page.mouse.down();
    await page.mouse.move(hx + 20, hy + 20, { steps: 4 });
    await page.mouse.move(hx + 40, hy + 40, { steps: 4 });
    await page.mouse.up();
    await page.getByText('Ada perubahan yang belum disimpan.').waitFor();
    await page.getByRole('button', { name: 'Simpan lapangan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Lapangan “Halaman Balai Kota Medan” tersimpan.' })
      .waitFor();
    const after = (await pages.srv.rt.call('GET', '/v1/sites/balai-kota-medan', admin)).json;
    const moved = after.geometry.coordinates[0].filter(
      (p: number[], i: number) =>
        JSON.stringify(p) !== JSON.stringify(before.geometry.coordinates[0][i]),
    );
    expect(moved.length).toBeGreaterThan(0);
    expect(after.geometry.coordinates[0]).toHaveLength(before.geometry.coordinates[0].length);
    expect(after.properties).toEqual(before.properties);

    // A ground made only to be deleted: through the API, then the console's Delete.
    const spare = { ...before, properties: { name: 'Lapangan Cadangan' } };
    expect(
      (await pages.srv.rt.call('PUT', '/v1/sites/cadangan', { ...admin, body: spare })).status,
    ).toBe(201);
    await page.reload();
    await page.getByRole('button', { name: 'Ubah lapangan Lapangan Cadangan' }).click();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Hapus lapangan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Lapangan “Lapangan Cadangan” dihapus.' })
      .waitFor();
    expect((await pages.srv.rt.call('GET', '/v1/sites/cadangan', admin)).status).toBe(404);
    expect(await page.locator('#ground-list').textContent()).not.toContain('Lapangan Cadangan');

    // In English, the screen and its note about the base map.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Roll-call grounds', level: 1 }).waitFor();
    expect(await page.locator('#base-map-note').textContent()).toMatch(
      /^The base map is unavailable/,
    );
    expect(await page.getByRole('toolbar', { name: 'Drawing tools' }).count()).toBe(1);
  }, 60_000);
});
