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

  it('the chart is drawn at the width it is shown at, and queue rows give the claim most of the width', async () => {
    await page.goto(`${desk.server.baseUrl}/figures`);
    const svg = page.locator('.chart-svg');
    await svg.waitFor();
    // Scaled down from a desktop-wide drawing, its 12 px labels would shrink to 4 px.
    const scale = await svg.evaluate(
      (el) => el.getBoundingClientRect().width / (el as SVGSVGElement).viewBox.baseVal.width,
    );
    expect(scale).toBeGreaterThan(0.9);
    await page.goto(`${desk.server.baseUrl}/queue`);
    const text = page.locator('.queue-text').first();
    await text.waitFor();
    expect(await text.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(PHONE.width * 0.55);
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

  it('the sheet folds to one line (handle: tap or drag) and closes with Escape, and the claim list behind it stays usable', async () => {
    await page.goto(`${desk.server.baseUrl}/articles/${desk.server.article.id}`);
    const items = page.locator('.claim-list li button');
    await items.nth(6).waitFor();
    const sheet = page.locator('.claim-panel');
    const rect = (locator: typeof sheet) =>
      locator.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, height: r.height };
      });
    /** True when a tap at the middle of the element reaches it (no sheet over it). */
    const reachable = (locator: typeof sheet) =>
      locator.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit !== null && el.contains(hit);
      });

    // A claim tapped in the list opens the sheet and stays in view above it: the reader stays in the list.
    const first = items.nth(2);
    await first.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await first.tap();
    await sheet.waitFor();
    expect((await rect(first)).bottom).toBeLessThanOrEqual((await rect(sheet)).top);
    expect(await reachable(first)).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, `phone-list-sheet-${kind}.png`) });

    // The handle folds the sheet to one line at the foot of the screen.
    await page.getByRole('button', { name: 'Collapse claim' }).tap();
    const expand = page.getByRole('button', { name: /^Expand claim/ });
    await expand.waitFor();
    expect(await expand.getAttribute('aria-expanded')).toBe('false');
    const folded = await rect(sheet);
    expect(folded.height).toBeLessThan(80);
    expect(folded.bottom).toBeLessThanOrEqual(PHONE.height + 1);
    expect(await page.locator('.verdict-bar').isVisible()).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, `phone-list-sheet-folded-${kind}.png`) });

    // Behind the folded sheet the list is free: a claim further down is reachable and opens the sheet again.
    const other = items.nth(6);
    await other.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    expect(await reachable(other)).toBe(true);
    const otherText = (await other.locator('.claim-item-text').textContent()) ?? '';
    await other.tap();
    await expect.poll(() => sheet.evaluate((el) => el.classList.contains('is-collapsed'))).toBe(false);
    expect(await sheet.locator('.claim-text').textContent()).toBe(otherText);
    expect(await inViewport(page, '.verdict-bar .actions .btn')).toEqual(
      Array.from({ length: await page.locator('.verdict-bar .actions .btn').count() }, () => true),
    );

    // Dragging the handle down folds the sheet, dragging it up unfolds it.
    const drag = async (dy: number) => {
      const box = await page.locator('.sheet-handle').boundingBox();
      if (!box) throw new Error('no sheet handle');
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x, y + dy, { steps: 6 });
      await page.mouse.up();
    };
    await drag(120);
    await expect.poll(() => sheet.evaluate((el) => el.classList.contains('is-collapsed'))).toBe(true);
    await drag(-120);
    await expect.poll(() => sheet.evaluate((el) => el.classList.contains('is-collapsed'))).toBe(false);

    // Escape closes the sheet and gives the focus back to the claim in the list.
    await page.locator('.sheet-handle').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.id ?? null)).toBe(
      await other.evaluate((el) => el.closest('li')?.id ?? ''),
    );
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });
});
