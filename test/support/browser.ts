import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

/** Debian's Chromium; playwright-core never downloads a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HOW = 'install it with: apt-get install -y chromium (or set CHROMIUM_PATH)';

/**
 * True when the browser suites must skip: Chromium is missing and this is not CI. Under CI=true
 * a missing Chromium fails the run instead.
 */
export const noChromium = (() => {
  if (existsSync(CHROMIUM)) return false;
  if (process.env.CI === 'true') throw new Error(`Chromium not found at ${CHROMIUM}: ${HOW}`);
  process.stderr.write(`\n[apel] Chromium not found: browser tests are skipped; ${HOW}\n\n`);
  return true;
})();

/**
 * Headless Chromium as root on a closed network: without the background-networking flags it keeps
 * trying to reach Google's services. Playwright gives every launch a fresh temporary
 * --user-data-dir of its own and removes it on close. `extraArgs`: e.g. a
 * --host-resolver-rules that points a foreign name at 127.0.0.1, as DNS rebinding does.
 */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** A phone: 360×640 CSS pixels, touch, Indonesian locale. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 640 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'id-ID',
};

export const SCREENSHOTS = join(process.cwd(), 'test-output', 'checkin-page');

/**
 * The states the guides show (docs/panduan-pegawai.md). With DOCS_SHOTS=docs/img set, the browser
 * test also writes these as small 360×640 PNGs there (CSS pixels, the visible screen only), so
 * the guides' pictures are renewed from the page as it is: see docs/testing.md.
 */
const DOC_SHOTS = new Set([
  '01-signed-out',
  '03-ready',
  '04-recorded',
  '05-outside',
  '07-permission-denied',
  '08-accuracy-too-low',
  '09-offline',
  '11-session-expired',
  '20-rollcalls',
]);

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const docs = process.env.DOCS_SHOTS;
  if (docs && DOC_SHOTS.has(name)) {
    await mkdir(docs, { recursive: true });
    await page.screenshot({ path: join(docs, `checkin-${name}.png`), scale: 'css' });
  }
}

/**
 * Errors the page itself raised: script errors and console errors such as a CSP violation.
 * Chromium's own "Failed to load resource" lines for 4xx answers and offline requests are
 * expected in these tests and left out.
 */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      errors.push(m.text());
    }
  });
  return errors;
}
