import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium, pageErrors } from './browser';
import { pageServer } from './page-server';

type PageServer = Awaited<ReturnType<typeof pageServer>>;

/**
 * What every browser test file sets up alike: one Chromium and one local server for the file,
 * and for each test a fresh context that must end with no script error and no CSP violation.
 * Call it inside the file's describe; `afterEachTest` runs once the test's context is closed.
 */
export function pageSuite(afterEachTest?: (srv: PageServer) => void) {
  let browser: Browser | undefined;
  let server: PageServer | undefined;
  let context: BrowserContext | undefined;
  let errors: string[] = [];
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), pageServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    expect(errors).toEqual([]);
    await context?.close();
    context = undefined;
    errors = [];
    if (server) afterEachTest?.(server);
  });
  const set = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`pageSuite: no ${what} yet`);
    return value;
  };
  return {
    get srv(): PageServer {
      return set(server, 'server');
    },
    /** The current test's context (after `open`). */
    get context(): BrowserContext {
      return set(context, 'context');
    },
    /** A fresh context for this test and its page, the page's errors watched. */
    async open(options: BrowserContextOptions): Promise<Page> {
      context = await set(browser, 'browser').newContext(options);
      const page = await context.newPage();
      errors = pageErrors(page);
      return page;
    },
  };
}
