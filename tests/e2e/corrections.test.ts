import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/test-databases.ts';
import { SCREENSHOTS, type startTestServer, signIn, startDesk } from './support/browser.ts';

describe.each(DATABASE_KINDS)('correcting the reading in Chromium on %s', (kind) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let desk: Awaited<ReturnType<typeof startDesk>> | undefined;
  beforeAll(async () => {
    desk = await startDesk(kind);
    ({ server, browser } = desk);
  });
  afterAll(async () => {
    await desk?.close();
  });

  it('corrects a category with the keyboard, rejects a claim (and undoes it), adds a missed figure from selected text', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, server.baseUrl, server.users.editor);
    await page.getByRole('link', { name: /ready for talks/ }).click();
    const panel = page.locator('.claim-panel');

    // e: the form opens on the category; typing picks one, Enter saves.
    await page.locator('.article-text mark', { hasText: '15 heavy machine guns' }).click();
    await panel.getByRole('heading', { name: /Figure/ }).waitFor();
    await page.keyboard.press('e');
    const form = panel.getByRole('form', { name: 'Correct the reading' });
    await form.waitFor();
    const category = form.getByLabel('Category');
    expect(await category.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('artillery');
    expect(await category.inputValue()).toBe('artillery');
    await page.keyboard.press('Enter');
    await panel.getByRole('status').filter({ hasText: 'Corrected category' }).waitFor();
    await form.waitFor({ state: 'detached' });
    const history = panel.locator('.corrections-history');
    await history.getByText('category: other → artillery').waitFor();
    expect(await page.locator('.claim-item.is-selected').textContent()).toContain('artillery');
    await history.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, `correction-category-${kind}.png`) });

    // x: rejected as not a claim, struck through; Undo brings it back; x again.
    await page.locator('.article-text mark', { hasText: 'heavy casulties' }).click();
    await panel.getByRole('heading', { name: /Statement/ }).waitFor();
    await page.keyboard.press('x');
    await panel.getByRole('status').filter({ hasText: 'Rejected as not a claim' }).waitFor();
    await page.locator('.claim-item.is-selected.is-rejected').waitFor();
    await panel.locator('.badge-rejected').waitFor();
    expect(await panel.getByRole('button', { name: /Mark verified/ }).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, `correction-rejected-${kind}.png`) });
    await panel.getByRole('button', { name: 'Undo' }).click();
    await panel.getByRole('status').filter({ hasText: 'Restored' }).waitFor();
    await page.locator('.claim-item.is-selected:not(.is-rejected)').waitFor();
    await page.keyboard.press('x');
    await page.locator('.claim-item.is-selected.is-rejected').waitFor();

    // Select "72 hours" in the text, press a: the form reads 72; Enter adds it as a figure.
    await page.evaluate(() => {
      const container = document.querySelector('.article-text');
      const walker = document.createTreeWalker(container as Node, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf('72 hours') ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + '72 hours'.length);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return;
      }
      throw new Error('no "72 hours" in the article text');
    });
    await page.keyboard.press('a');
    const add = page.getByRole('form', { name: 'Add a missed claim' });
    await add.waitFor();
    expect(await add.locator('blockquote').textContent()).toBe('72 hours');
    expect(await add.getByLabel('Value').inputValue()).toBe('72');
    await page.screenshot({ path: join(SCREENSHOTS, `correction-add-form-${kind}.png`) });
    await page.keyboard.press('Enter');
    await add.waitFor({ state: 'detached' });
    await panel.getByText('added by an editor').waitFor();
    expect(await panel.locator('.claim-text').first().textContent()).toBe('72 hours');
    await page.locator('.article-text mark.hl-figure', { hasText: '72 hours' }).waitFor();
    await panel
      .locator('.corrections-history')
      .getByText(/Added \(missed by the parser\)/)
      .waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `correction-added-${kind}.png`) });

    const rows = await desk?.test.db.prisma.claimCorrection.findMany({ orderBy: { createdAt: 'asc' } });
    expect(rows?.map((r) => r.kind)).toEqual(['edit', 'reject', 'restore', 'reject', 'add']);
    await page.close();
  });
});
