import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { createUser, importArticle, startServer } from '@claimdesk/api';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { TEST_OUTBOUND, seedText } from '../../support/api-client.ts';
import { type DatabaseKind, type TestDatabase, createTestDatabase } from '../../support/test-databases.ts';

export const SCREENSHOTS = join(import.meta.dirname, '../../screenshots');
export const WEB_DIST = join(import.meta.dirname, '../../../apps/web/dist');
export const PASSWORD = 'correct horse battery staple';

/** Signs in through the real sign-in page and waits until the app says who is signed in. */
export async function signIn(page: Page, baseUrl: string, email: string, password = PASSWORD): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Signed in as').waitFor();
}

/** Debian's Chromium driven by playwright-core; the flags keep it off the closed network. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The real server on a random port over a real database, with the seed article and one user per role. */
export async function startTestServer(test: TestDatabase) {
  const { article } = await importArticle(test.db, { text: seedText(), fileName: '00_2022-02-27_jagran.txt' });
  const users = {
    editor: 'editor@example.org',
    editor2: 'editor2@example.org',
    viewer: 'viewer@example.org',
    admin: 'admin@example.org',
  };
  // Display names: what history, notices and exports show instead of the addresses.
  const names = { editor: 'Olena K', editor2: 'Taras M', viewer: 'Ivan P', admin: 'Ada A' };
  await createUser(test.db, { email: users.editor, name: names.editor, password: PASSWORD, role: 'editor' });
  await createUser(test.db, { email: users.editor2, name: names.editor2, password: PASSWORD, role: 'editor' });
  await createUser(test.db, { email: users.viewer, name: names.viewer, password: PASSWORD, role: 'viewer' });
  await createUser(test.db, { email: users.admin, name: names.admin, password: PASSWORD, role: 'admin' });
  const server: Server = await startServer({
    port: 0,
    db: test.db,
    webDistDir: WEB_DIST,
    webhookIntervalMs: 0,
    webhooks: TEST_OUTBOUND,
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    article,
    users,
    names,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A real database, the real server over it (seed article, one user per role) and Chromium. */
export async function startDesk(kind: DatabaseKind) {
  const test = await createTestDatabase(kind);
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  let browser: Browser;
  try {
    server = await startTestServer(test);
    browser = await launchChromium();
  } catch (error) {
    // A half-started desk must not leave a server or a database behind.
    await server?.close();
    await test.drop();
    throw error;
  }
  return {
    test,
    server,
    browser,
    /** Closes what was opened, last first. */
    close: async () => {
      await browser.close();
      await server.close();
      await test.drop();
    },
  };
}

export type Desk = Awaited<ReturnType<typeof startDesk>>;

/**
 * One desk (database, server, Chromium) for the tests of a describe block: started before them,
 * closed after them. Read its parts inside tests and hooks (before the start there is nothing).
 */
export function deskForSuite(kind: DatabaseKind): Omit<Desk, 'close'> {
  let desk: Desk | undefined;
  const started = (): Desk => {
    if (!desk) throw new Error('the desk is used before its beforeAll hook started it');
    return desk;
  };
  beforeAll(async () => {
    desk = await startDesk(kind);
  });
  afterAll(async () => {
    await desk?.close();
  });
  return {
    get test() {
      return started().test;
    },
    get server() {
      return started().server;
    },
    get browser() {
      return started().browser;
    },
  };
}
