import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { pageSuite } from './page-suite';

/**
 * What every console browser test shares: a desk's 1366×768 and a tablet's 768×1024, a page in
 * Indonesian in another time zone than the deployment's, screenshots as test output, axe-core's
 * serious and critical findings, and the real demo sign-in (code + PKCE, back to /admin).
 * Call `consoleSuite()` inside the file's describe.
 */

export const SHOTS = process.env.CONSOLE_SHOTS ?? '/tmp/shots-console';
export const DESK = { width: 1366, height: 768 };
export const TABLET = { width: 768, height: 1024 };
export const PHONE = { width: 390, height: 844 };
const AXE = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');

export function consoleSuite() {
  const pages = pageSuite();
  return {
    pages,
    open(viewport = DESK): Promise<Page> {
      return pages.open({ viewport, locale: 'id-ID', timezoneId: 'America/New_York' });
    },
    /** Through the demo issuer: Masuk → pick the person → back on `path` (default /admin). */
    async signIn(page: Page, who: RegExp, path = '/admin') {
      await page.goto(`${pages.srv.base}${path}`);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.waitForURL(/\/local-issuer\/authorize\?/);
      await page.getByRole('button', { name: who }).click();
      await page.waitForURL(`${pages.srv.base}${path}`);
    },
  };
}

export async function shot(page: Page, name: string) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** axe-core's serious and critical findings on the page as it is now (none expected). */
export async function axe(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n: any) => n.target.join(' ')).slice(0, 3),
    }));
  });
  return found
    .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
    .map((v: { id: string; nodes: string[] }) => `${v.id}: ${v.nodes.join(', ')}`);
}
