import { join } from 'node:path';
import { importArticle } from '@claimdesk/api';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/test-databases.ts';
import { SCREENSHOTS, type startTestServer, signIn, startDesk } from './support/browser.ts';

const ONE = `date 2022-03-05 Kyiv | Desk One: Regional governor Vitaliy Kim said on Saturday that 12 civilians were killed in Mykolaiv.

Oleksandr Starukh, the governor of Zaporizhzhia, said the city was calm.
`;
// Russian spellings, and markup in the text that must be shown as text.
const TWO = `date 2022-03-06 Moscow | Desk Two: Officials said 3 <b>tanks</b> burned near Nikolaev.

Officials said the road to Kharkov was closed.
`;

describe.each(DATABASE_KINDS)('the search page in Chromium on %s', (kind) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let desk: Awaited<ReturnType<typeof startDesk>> | undefined;
  beforeAll(async () => {
    desk = await startDesk(kind);
    ({ server, browser } = desk);
    await importArticle(desk.test.db, { text: ONE });
    await importArticle(desk.test.db, { text: TWO });
  });
  afterAll(async () => {
    await desk?.close();
  });

  it('/ opens the search with its box focused; results are grouped, the matched words marked as text', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, server.baseUrl, server.users.viewer);
    // From the articles page, the key alone.
    await page.keyboard.press('/');
    await page.waitForURL(/\/search$/);
    const box = page.getByLabel('Search claims, sources and articles');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Mykolaiv');
    const claims = page.locator('section[aria-labelledby="search-claims"]');
    await claims
      .locator('mark')
      .first()
      .waitFor()
      .catch(async (e) => {
        await page.screenshot({ path: join(SCREENSHOTS, `search-page-failed-${kind}.png`), fullPage: true });
        throw e;
      });
    await page.screenshot({ path: join(SCREENSHOTS, `search-page-${kind}.png`), fullPage: true });
    const texts = await claims.locator('li a').allTextContents();
    // Mykolaiv finds Nikolaev; markup in a claim is text, not an element.
    expect(texts.some((t) => t.includes('Nikolaev'))).toBe(true);
    expect(texts.some((t) => t.includes('<b>tanks</b>'))).toBe(true);
    expect(await page.locator('.search-results b').count()).toBe(0);
    const marks = await claims.locator('mark').allTextContents();
    expect(new Set(marks)).toEqual(new Set(['Mykolaiv', 'Nikolaev']));
    const articles = page.locator('section[aria-labelledby="search-articles"]');
    // The articles' titles (their first sentence here) name the city in both spellings.
    expect(new Set(await articles.locator('mark').allTextContents())).toEqual(new Set(['Mykolaiv', 'Nikolaev']));
    expect(await claims.getByRole('heading').textContent()).toMatch(/^Claims 6/);

    // Sources by a Cyrillic spelling, from the header link; the marked alias is the one written.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    await box.fill('Старух');
    const sources = page.locator('section[aria-labelledby="search-sources"]');
    await sources.locator('mark', { hasText: 'Starukh' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `search-page-sources-${kind}.png`), fullPage: true });
    expect(await sources.locator('li a').allTextContents()).toEqual(['Oleksandr Starukh']);
    expect(await sources.locator('mark').allTextContents()).toEqual(['Starukh']);

    // Kharkiv finds Kharkov; the claim opens in its article.
    await box.fill('kharkiv');
    await claims.locator('mark', { hasText: 'Kharkov' }).waitFor();
    // The seed article says Kharkiv, the second one Kharkov.
    expect(new Set(await claims.locator('mark').allTextContents())).toEqual(new Set(['Kharkiv', 'Kharkov']));
    await page.screenshot({ path: join(SCREENSHOTS, `search-page-kharkiv-${kind}.png`), fullPage: true });
    await claims.locator('li a', { hasText: 'Kharkov' }).click();
    await page.waitForURL(/\/articles\/[^/]+\?claim=/);

    // Pressing / on the search page focuses the box again.
    await page.goto(`${server.baseUrl}/search?q=Kharkov`);
    await page.screenshot({ path: join(SCREENSHOTS, `search-page-reload-${kind}.png`), fullPage: true });
    await claims.locator('mark').first().waitFor();
    await page.locator('h1').click();
    await page.keyboard.press('/');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    // The seed article says Kharkiv, the second one Kharkov.
    expect(new Set(await claims.locator('mark').allTextContents())).toEqual(new Set(['Kharkiv', 'Kharkov']));
    await page.close();
  });
});
