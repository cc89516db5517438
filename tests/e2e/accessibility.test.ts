import { markClaim } from '@claimdesk/api';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/test-databases.ts';
import { findAccessibilityViolations } from './support/axe.ts';
import { deskForSuite, signIn } from './support/browser.ts';

describe.each(DATABASE_KINDS)('the review desk is accessible (axe-core, WCAG 2.1 A and AA) on %s', (kind) => {
  let context: BrowserContext;
  let page: Page;

  const desk = deskForSuite(kind);
  beforeAll(async () => {
    context = await desk.browser.newContext({ viewport: { width: 1400, height: 1000 }, bypassCSP: true });
    page = await context.newPage();
    await signIn(page, desk.server.baseUrl, desk.server.users.editor);
  });
  afterAll(async () => {
    await context?.close();
  });

  const screens: Array<[name: string, open: () => Promise<void>]> = [
    [
      'the articles list',
      async () => {
        await page.goto(desk.server.baseUrl);
        await page.getByRole('table').waitFor();
      },
    ],
    [
      'the queue',
      async () => {
        await page.goto(`${desk.server.baseUrl}/queue?status=pending`);
        await page.locator('.queue li').first().waitFor();
      },
    ],
    [
      'an article with a figure claim selected',
      async () => {
        const claim = desk.server.article.claims.find((c) => c.text === '102 tanks');
        await page.goto(`${desk.server.baseUrl}/articles/${desk.server.article.id}?claim=${claim?.id}`);
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
        await page.goto(`${desk.server.baseUrl}/figures?category=helicopters`);
        await page.locator('a.chart-point').first().waitFor();
      },
    ],
    [
      'an article and the queue with claims in every status, and a conflict message',
      async () => {
        const statuses = ['verified', 'disputed', 'unverifiable', 'verified', 'disputed', 'unverifiable'] as const;
        for (const [i, status] of statuses.entries()) {
          const c = desk.server.article.claims[i];
          if (c)
            await markClaim(
              desk.test.db,
              c.id,
              { status, note: `note ${i}`, evidence: ['https://example.org/e'], version: 0 },
              { userId: null, name: 'axe@example.org' },
            );
        }
        await page.goto(`${desk.server.baseUrl}/queue`);
        await page.locator('.queue li .badge-disputed').first().waitFor();
        expect(await findAccessibilityViolations(page)).toEqual([]);
        const c = desk.server.article.claims[1];
        await page.goto(`${desk.server.baseUrl}/articles/${desk.server.article.id}?claim=${c?.id}`);
        await page.getByRole('list', { name: 'Verdict history, newest first' }).waitFor();
        // This page loaded the claim at its current version; someone else moves it on.
        await markClaim(
          desk.test.db,
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
        await page.goto(`${desk.server.baseUrl}/nowhere`);
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
