import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeJwt, generateKeyPair, importJWK, type JWTPayload, SignJWT } from 'jose';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_POINT, DEMO_SITE } from '../../functions/local/demo';
import { launchChromium, noChromium, PHONE, pageErrors } from '../support/browser';
import { pageServer } from '../support/page-server';

/**
 * Signing in on the check-in page, attacked: forged ID tokens from the token endpoint, callback
 * links with someone else's state and text, a foreign Host reaching the local issuer (DNS
 * rebinding, with Chromium resolving rebind.example to 127.0.0.1), a huge form. And an
 * employee added to the roster after the demo was seeded signs in by typing their id.
 */

const REBIND = 'rebind.example';
const SHOTS = process.env.SHOTS_DIR ?? join(process.cwd(), 'test-output', 'sign-in');
const EVIL = 'Hubungi 0812-EVIL untuk absen';

let browser: Browser;
/** A key of the right kind that the issuer does not publish. */
let foreignKey: CryptoKey;
let srv: Awaited<ReturnType<typeof pageServer>>;
let context: BrowserContext | undefined;
let errors: string[] = [];

async function shot(page: Page, name: string) {
  await mkdir(SHOTS, { recursive: true });
  // The phone's screen as the person sees it (360×640), not the whole scrolled page.
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

describe.skipIf(noChromium)('signing in on the check-in page, in Chromium', () => {
  beforeAll(async () => {
    foreignKey = (await generateKeyPair('RS256')).privateKey;
    [browser, srv] = await Promise.all([
      launchChromium([`--host-resolver-rules=MAP ${REBIND} 127.0.0.1`]),
      pageServer(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });
  afterEach(async () => {
    const seen = errors;
    errors = [];
    await context?.close();
    context = undefined;
    // No script error and no CSP violation in any test.
    expect(seen).toEqual([]);
  });

  async function phone() {
    context = await browser.newContext({
      ...PHONE,
      permissions: ['geolocation'],
      geolocation: { latitude: DEMO_POINT.lat, longitude: DEMO_POINT.lon, accuracy: 8 },
    });
    const page = await context.newPage();
    errors = pageErrors(page);
    return page;
  }

  // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator; the rendered text is the point
  const status = (page: Page) => page.locator('#panel').innerText();
  // biome-ignore lint/performance/useDomNodeTextContent: as above
  const everything = (page: Page) => page.locator('body').innerText();
  const session = (page: Page) => page.evaluate(() => sessionStorage.getItem('apel.session'));

  /** Masuk → the local issuer's page; returns the state the page sent. */
  async function toIssuer(page: Page) {
    await page.goto(srv.base);
    await page.getByRole('button', { name: 'Masuk' }).tap();
    await page.waitForURL(/\/local-issuer\/authorize\?/);
    return new URL(page.url()).searchParams.get('state') ?? '';
  }

  // ---------------------------------------------------------------------------------------
  // Forged ID tokens: the token endpoint's answer is rewritten on the wire, the access token
  // left as it was. Each forgery changes one thing; the page must refuse every one.

  async function localKey() {
    const file = join(srv.rt.dataDir, 'keys', 'local-issuer.json');
    const { privateJwk } = JSON.parse(await readFile(file, 'utf8'));
    return { key: await importJWK(privateJwk, 'RS256'), kid: privateJwk.kid as string };
  }

  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const sign = async (claims: JWTPayload, key?: Awaited<ReturnType<typeof localKey>>) => {
    const k = key ?? (await localKey());
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: k.kid }).sign(k.key);
  };

  const FORGERIES: [string, (real: JWTPayload) => Promise<string>, RegExp][] = [
    [
      'alg none',
      async (c) => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...c, name: 'FORGED' })}.`,
      /tidak dapat diverifikasi/,
    ],
    [
      'a foreign iss',
      (c) => sign({ ...c, name: 'FORGED', iss: 'https://evil.example/issuer' }),
      /tidak dapat diverifikasi/,
    ],
    [
      'another aud',
      (c) => sign({ ...c, name: 'FORGED', aud: 'someone-else' }),
      /tidak dapat diverifikasi/,
    ],
    ['exp: 1', (c) => sign({ ...c, name: 'FORGED', iat: 0, exp: 1 }), /jam ponsel Anda/],
    [
      'a signature by a key the issuer does not publish (same kid)',
      async (c) => sign({ ...c, name: 'FORGED' }, { key: foreignKey, kid: (await localKey()).kid }),
      /tidak dapat diverifikasi/,
    ],
  ];

  it.each(FORGERIES)('an ID token with %s does not sign in', async (_what, forge, says) => {
    const page = await phone();
    await page.route('**/local-issuer/token', async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      await route.fulfill({
        response: res,
        json: { ...body, id_token: await forge(decodeJwt(body.id_token)) },
      });
    });
    await toIssuer(page);
    await page.getByRole('button', { name: /demo-013/ }).tap();
    await expect.poll(() => status(page), { timeout: 10_000 }).toMatch(says);
    expect(await everything(page)).not.toContain('FORGED');
    expect(await page.locator('#who').isHidden()).toBe(true);
    expect(await page.locator('#primary-label').textContent()).toBe('Masuk');
    expect(await session(page)).toBeNull();
    if (_what === 'alg none') await shot(page, '01-forged-id-token');
  });

  it('the same rewriting with the real ID token signs in (the forgeries above are what fails)', async () => {
    const page = await phone();
    await page.route('**/local-issuer/token', async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, json: await res.json() });
    });
    await toIssuer(page);
    await page.getByRole('button', { name: /demo-013/ }).tap();
    await page.getByRole('button', { name: 'Hadir' }).waitFor();
    expect(JSON.parse((await session(page)) ?? '{}').sub).toBe('demo-013');
  });

  // ---------------------------------------------------------------------------------------
  // Callback links: anyone can send one. Only our own state counts, and no free text shows.

  it('an error callback with a foreign state shows nothing of its text, before or during a sign-in', async () => {
    const page = await phone();
    const link = (state: string) =>
      `${srv.base}/?${new URLSearchParams({ error: 'access_denied', error_description: EVIL, state })}`;
    await page.goto(link('not-ours-1234'));
    await expect.poll(() => status(page)).toMatch(/^Masuk dengan akun pegawai Anda/);
    expect(await everything(page)).not.toContain('EVIL');
    expect(page.url()).toBe(`${srv.base}/`);
    await shot(page, '02-foreign-error-callback');

    // A sign-in under way: the foreign link neither shows its text nor spends our state.
    const ours = await toIssuer(page);
    await page.goto(link('not-ours-5678'));
    await expect.poll(() => status(page)).toMatch(/^Masuk dengan akun pegawai Anda/);
    expect(await everything(page)).not.toContain('EVIL');
    await page.goto(link(ours));
    await expect.poll(() => status(page)).toMatch(/^Masuk dibatalkan\. Tekan Masuk/);
    expect(await everything(page)).not.toContain('EVIL');
    await shot(page, '03-own-error-callback');
  });

  it('an unknown error code with our state: a fixed text, not the code nor the description', async () => {
    const page = await phone();
    const ours = await toIssuer(page);
    const q = new URLSearchParams({ error: 'EVIL_code', error_description: EVIL, state: ours });
    await page.goto(`${srv.base}/?${q}`);
    await expect.poll(() => status(page)).toMatch(/^Layanan masuk menolak permintaan ini\./);
    expect(await everything(page)).not.toContain('EVIL');
  });

  it('a code callback with a foreign state leaves the session as it was (no login CSRF)', async () => {
    const page = await phone();
    await toIssuer(page);
    await page.getByRole('button', { name: /demo-014/ }).tap();
    await page.getByRole('button', { name: 'Hadir' }).waitFor();
    const before = await session(page);
    let exchanged = 0;
    await page.route('**/local-issuer/token', (route) => {
      exchanged++;
      return route.continue();
    });
    await page.goto(`${srv.base}/?code=attackers-code&state=not-ours-1234`);
    await page.getByRole('button', { name: 'Hadir' }).waitFor();
    expect(await session(page)).toBe(before);
    expect(exchanged).toBe(0);
  });

  // ---------------------------------------------------------------------------------------
  // The local issuer: loopback hosts only, small forms only.

  it('refuses the local issuer to a page whose name was rebound to 127.0.0.1', async () => {
    const page = await phone();
    const { port } = new URL(srv.base);
    const foreign = `http://${REBIND}:${port}`;
    // The attacker's page, now answered by this machine: its script asks for an admin token.
    await page.goto(`${foreign}/config.json`);
    const answers = await page.evaluate(async (origin) => {
      const q = {
        response_type: 'code',
        client_id: 'apel-local',
        redirect_uri: `${origin}/`,
        state: 'attacker-state',
        code_challenge: 'A'.repeat(43),
        code_challenge_method: 'S256',
      };
      const get = await fetch(`/local-issuer/authorize?${new URLSearchParams(q)}`);
      const post = await fetch('/local-issuer/authorize', {
        method: 'POST',
        body: new URLSearchParams({ ...q, employee: 'bkd-admin' }),
        redirect: 'manual',
      });
      return [
        { status: get.status, body: await get.json() },
        { status: post.status, body: await post.json() },
      ];
    }, foreign);
    // Chromium notes that it ignores the COOP header on a plain-http foreign origin: expected.
    errors = errors.filter((e) => !e.startsWith('The Cross-Origin-Opener-Policy header'));
    for (const a of answers) {
      expect(a.status).toBe(403);
      expect(a.body.error).toMatchObject({
        code: 'HOST_NOT_ALLOWED',
        message: expect.stringMatching(/^Penerbit token lokal hanya melayani localhost/),
        details: { host: REBIND },
      });
    }
  });

  it('refuses an 8 MB form to the local issuer (413), on the real server', async () => {
    const res = await fetch(`${srv.base}/local-issuer/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `employee=demo-001&pad=${'x'.repeat(8 * 1024 * 1024)}`,
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  // ---------------------------------------------------------------------------------------
  // The demo sign-in takes anyone on the roster.

  it('an employee added to the roster signs in by typing their id, and checks in', async () => {
    const id = '198703152010011001';
    const put = await srv.rt.call('PUT', `/v1/employees/${id}`, {
      as: 'bkd-admin',
      admin: true,
      body: {
        name: 'Rina Tampubolon',
        unit: 'Dinas Kominfo',
        siteIds: [DEMO_SITE.siteId],
        active: true,
      },
    });
    expect(put.status).toBe(201);

    const page = await phone();
    await toIssuer(page);
    await page.getByLabel('NIP / ID pegawai').fill('199001012015031002');
    await page.getByRole('button', { name: 'Masuk', exact: true }).tap();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/NIP \/ ID “199001012015031002” tidak ada di daftar pegawai/);
    expect(new URL(page.url()).pathname).toBe('/local-issuer/authorize');
    await shot(page, '04-demo-sign-in-unknown-id');

    await page.getByLabel('NIP / ID pegawai').fill(id);
    await shot(page, '05-demo-sign-in-typed');
    await page.getByLabel('NIP / ID pegawai').press('Enter');
    await page.getByRole('button', { name: 'Hadir' }).waitFor();
    expect(await page.locator('#who').textContent()).toContain('Masuk sebagai Rina Tampubolon');
    await shot(page, '06-signed-in-imported');
    const before = srv.hits.length;
    await page.getByRole('button', { name: 'Hadir' }).tap();
    await expect.poll(() => status(page)).toMatch(/Anda tercatat hadir/);
    expect(srv.hits.slice(before).map((h) => h.response.checkin?.employeeId)).toEqual([id]);
  });
});
