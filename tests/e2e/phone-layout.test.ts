import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/test-databases.ts';
import { SCREENSHOTS, signIn, deskForSuite } from './support/browser.ts';

// A phone in portrait: 390 x 844 CSS pixels, touch, the mobile viewport meta honoured.
const PHONE = { width: 390, height: 844 };

/** How far the page reaches past the right edge of the phone's screen (0 or less = it fits). */
const overflow = (page: Page) =>
  page.evaluate((width) => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - width;
  }, PHONE.width);

/** The widest element that sticks out past the window, to name the culprit when a page overflows. */
const widest = (page: Page) =>
  page.evaluate(() => {
    let worst = { right: 0, what: '' };
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > worst.right)
        worst = { right: Math.round(r.right), what: `${el.tagName.toLowerCase()}.${el.className}` };
    }
    return worst;
  });

const inViewport = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
    }),
  );

describe.each(DATABASE_KINDS)('every page fits a phone (390x844) in Chromium on %s', (kind) => {
  let context: BrowserContext;
  let page: Page;

  const desk = deskForSuite(kind);
  beforeAll(async () => {
    context = await desk.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    page = await context.newPage();
    await signIn(page, desk.server.baseUrl, desk.server.users.admin);
  });
  afterAll(async () => {
    await context?.close();
  });

  const pages: Array<[name: string, path: () => string, ready: (page: Page) => Promise<void>]> = [
    ['articles', () => '/', (p) => p.getByRole('table').getByText('22', { exact: true }).first().waitFor()],
    ['queue', () => '/queue', (p) => p.locator('.queue li').first().waitFor()],
    ['figures', () => '/figures', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
    ['article', () => `/articles/${desk.server.article.id}`, (p) => p.locator('.article-text mark').first().waitFor()],
    ['import', () => '/admin/import', (p) => p.getByRole('heading', { level: 1, name: /Import/ }).waitFor()],
    ['users', () => '/admin/users', (p) => p.locator('tr[data-user]').first().waitFor()],
    ['keys', () => '/admin/keys', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
    ['webhooks', () => '/admin/webhooks', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
  ];

  it.each(pages)('the %s page has no horizontal scroll', async (name, path, ready) => {
    await page.goto(`${desk.server.baseUrl}${path()}`);
    await ready(page);
    await page.screenshot({ path: join(SCREENSHOTS, `phone-${name}-${kind}.png`), fullPage: name !== 'article' });
    const by = await overflow(page);
    expect({ overflow: Math.max(by, 0), widest: by > 0 ? await widest(page) : null }).toEqual({
      overflow: 0,
      widest: null,
    });
    // One column: the page's main content is no wider than the screen.
    const mainWidth = await page.locator('main').evaluate((el) => el.getBoundingClientRect().width);
    expect(mainWidth).toBeLessThanOrEqual(PHONE.width);
  });

  it('tapping a claim in the article opens it as a sheet with the verdict buttons on screen', async () => {
    await page.goto(`${desk.server.baseUrl}/articles/${desk.server.article.id}`);
    const mark = page.locator('.article-text mark', { hasText: '102 tanks' });
    await mark.scrollIntoViewIfNeeded();
    await mark.tap();
    await page.locator('.claim-panel .claim-text', { hasText: '102 tanks' }).waitFor();
    const buttons = page.locator('.verdict-bar .actions .btn');
    expect(await buttons.count()).toBeGreaterThanOrEqual(3);
    // Right after the tap, without scrolling: every verdict button is inside the window.
    expect(await inViewport(page, '.verdict-bar .actions .btn')).toEqual(
      Array.from({ length: await buttons.count() }, () => true),
    );
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, `phone-article-sheet-${kind}.png`) });

    // The buttons work from the sheet, and the sheet closes back to the text.
    await page.getByLabel('Note').fill('Phone check.');
    await page.getByRole('button', { name: /Mark verified/ }).tap();
    await page.getByRole('status').filter({ hasText: 'Saved: verified' }).waitFor();
    await page.getByRole('button', { name: 'Close claim' }).tap();
    await expect.poll(() => page.locator('.claim-panel').count()).toBe(0);
    // The claim just judged is still in view in the text.
    expect(
      await mark.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }),
    ).toBe(true);

    // A claim further down the text: still the buttons on screen right after the tap.
    const last = page.locator('.article-text mark').last();
    await last.scrollIntoViewIfNeeded();
    await last.tap();
    await page.locator('.claim-panel').waitFor();
    expect(await last.evaluate((el) => el.getBoundingClientRect().bottom)).toBeLessThanOrEqual(
      await page.locator('.claim-panel').evaluate((el) => el.getBoundingClientRect().top),
    );
    await page.screenshot({ path: join(SCREENSHOTS, `phone-article-sheet-last-${kind}.png`) });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await inViewport(page, '.verdict-bar .actions .btn')).toEqual(
      Array.from({ length: await buttons.count() }, () => true),
    );
  });
});
