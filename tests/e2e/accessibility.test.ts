import { markClaim } from '@claimdesk/api';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, type TestDatabase } from '../support/test-databases.ts';
import { findAccessibilityViolations } from './support/axe.ts';
import { type startTestServer, startDesk, signIn } from './support/browser.ts';

describe.each(DATABASE_KINDS)('the review desk is accessible (axe-core, WCAG 2.1 A and AA) on %s', (kind) => {
  let test: TestDatabase;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  let desk: Awaited<ReturnType<typeof startDesk>> | undefined;
  beforeAll(async () => {
    desk = await startDesk(kind);
    ({ test, server, browser } = desk);
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, bypassCSP: true });
    page = await context.newPage();
    await signIn(page, server.baseUrl, server.users.editor);
  });
  afterAll(async () => {
    await context?.close();
    await desk?.close();
  });

  const screens: Array<[name: string, open: () => Promise<void>]> = [
    [
      'the articles list',
      async () => {
        await page.goto(server.baseUrl);
        await page.getByRole('table').waitFor();
      },
    ],
    [
      'the queue',
      async () => {
        await page.goto(`${server.baseUrl}/queue?status=pending`);
        await page.locator('.queue li').first().waitFor();
      },
    ],
    [
      'an article with a figure claim selected',
      async () => {
        const claim = server.article.claims.find((c) => c.text === '102 tanks');
        await page.goto(`${server.baseUrl}/articles/${server.article.id}?claim=${claim?.id}`);
        await page.locator('.claim-panel .claim-text', { hasText: '102 tanks' }).waitFor();
      },
    ],
    [
      'an armed verdict with a missing note',
      async () => {
        await page.getByRole('button', { name: /Mark disputed/ }).click();
        await page.getByRole('alert').filter({ hasText: 'a note is required' }).waitFor();
      },
    ],
    [
      'the shortcuts dialog',
      async () => {
        await page.locator('.claim-item').first().focus();
        await page.keyboard.press('?');
        await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      },
    ],
    [
      'the figures chart',
      async () => {
        await page.goto(`${server.baseUrl}/figures?category=helicopters`);
        await page.locator('a.chart-point').first().waitFor();
      },
    ],
    [
      'an article and the queue with claims in every status, and a conflict message',
      async () => {
        const statuses = ['verified', 'disputed', 'unverifiable', 'verified', 'disputed', 'unverifiable'] as const;
        for (const [i, status] of statuses.entries()) {
          const c = server.article.claims[i];
          if (c)
            await markClaim(
              test.db,
              c.id,
              { status, note: `note ${i}`, evidence: ['https://example.org/e'], version: 0 },
              { userId: null, name: 'axe@example.org' },
            );
        }
        await page.goto(`${server.baseUrl}/queue`);
        await page.locator('.queue li .badge-disputed').first().waitFor();
        expect(await findAccessibilityViolations(page)).toEqual([]);
        const c = server.article.claims[1];
        await page.goto(`${server.baseUrl}/articles/${server.article.id}?claim=${c?.id}`);
        await page.getByRole('list', { name: 'Verdict history, newest first' }).waitFor();
        // This page loaded the claim at its current version; someone else moves it on.
        await markClaim(
          test.db,
          c?.id ?? '',
          { status: 'verified', note: '', evidence: [], version: 1 },
          { userId: null, name: 'other@example.org' },
        );
        await page.getByRole('button', { name: /Mark verified/ }).click();
        await page.getByRole('alert').filter({ hasText: 'Conflict' }).waitFor();
      },
    ],
    [
      'a page that does not exist',
      async () => {
        await page.goto(`${server.baseUrl}/nowhere`);
        await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      },
    ],
  ];

  it.each(screens)('%s has no serious or critical violations', async (_name, open) => {
    await open();
    const violations = await findAccessibilityViolations(page);
    if (violations.length) console.log(_name, JSON.stringify(violations));
    expect(violations).toEqual([]);
  });
});
