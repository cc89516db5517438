import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/test-databases.ts';
import { SCREENSHOTS, signIn, deskForSuite } from './support/browser.ts';

/** Selects `phrase` (its first occurrence, after `after` when given) in the article text, as a mouse drag would, leaving no field focused. */
async function selectInArticle(page: Page, phrase: string, after = ''): Promise<void> {
  await page.evaluate(
    ([phrase, after]) => {
      (document.activeElement as HTMLElement | null)?.blur();
      const container = document.querySelector('.article-text');
      const walker = document.createTreeWalker(container as Node, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      let all = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if ((node.parentElement as HTMLElement).closest('.hl-tag')) continue;
        nodes.push(node as Text);
        all += node.textContent ?? '';
      }
      const at = all.indexOf(phrase, Math.max(0, all.indexOf(after)));
      if (at < 0) throw new Error(`no "${phrase}" in the article text`);
      // The phrase may cross highlights: find the text node and offset of each end.
      const locate = (offset: number): [Text, number] => {
        let seen = 0;
        for (const node of nodes) {
          const length = node.textContent?.length ?? 0;
          if (offset <= seen + length) return [node, offset - seen];
          seen += length;
        }
        throw new Error('offset past the text');
      };
      const range = document.createRange();
      range.setStart(...locate(at));
      range.setEnd(...locate(at + phrase.length));
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    },
    [phrase, after] as const,
  );
}

describe.each(DATABASE_KINDS)('correcting the reading in Chromium on %s', (kind) => {
  const desk = deskForSuite(kind);

  it('corrects a category with the keyboard, rejects a claim (and undoes it), adds a missed figure from selected text', async () => {
    const page = await desk.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.editor);
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

  it('edits the source, cue and content span of a statement from selections and typed offsets (1280x720)', async () => {
    const page = await desk.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.editor);
    const statement = desk.server.article.claims.find(
      (c) => c.kind === 'statement' && c.text === 'Kyiv is ready for talks',
    );
    if (!statement) throw new Error('no statement "Kyiv is ready for talks" in the seed');
    await page.goto(`${desk.server.baseUrl}/articles/${desk.server.article.id}?claim=${statement.id}`);
    const panel = page.locator('.claim-panel');
    await panel.locator('.claim-text', { hasText: 'Kyiv is ready for talks' }).waitFor();
    await page.locator(`#claim-item-${statement.id} button`).focus();
    await page.keyboard.press('e');
    const form = panel.getByRole('form', { name: 'Correct the reading' });
    await form.waitFor();
    const content = form.locator('[data-span="text"]');
    const source = form.locator('[data-span="source"]');
    const cue = form.locator('[data-span="cue"]');
    expect(await content.locator('.span-preview').textContent()).toBe('Kyiv is ready for talks');

    // Select, then press t, s or c: the selection becomes that span, shown at once.
    const wider = 'Kyiv is ready for talks, but he has ruled out the option for holding discussions in Belarus';
    await selectInArticle(page, wider);
    await page.keyboard.press('t');
    await content.locator('.span-preview').getByText(wider).waitFor();
    await selectInArticle(page, 'Ukraine President Volodymyr Zelenskyy');
    await page.keyboard.press('s');
    await source.locator('.span-preview').getByText('Ukraine President Volodymyr Zelenskyy').waitFor();
    await selectInArticle(page, 'has said', 'Zelenskyy');
    await page.keyboard.press('c');
    await cue.locator('.span-preview').getByText('has said').waitFor();
    // Typed offsets: the preview follows as the end moves; one past the article is flagged.
    const end = content.getByLabel('to');
    const start = Number(await content.getByLabel('from').inputValue());
    await end.fill(String(start + 'Kyiv is ready for talks, but'.length));
    await content.locator('.span-preview').getByText('Kyiv is ready for talks, but', { exact: true }).waitFor();
    await form.getByLabel('Source (canonical name)').fill('President Volodymyr Zelenskyy');
    await page.screenshot({ path: join(SCREENSHOTS, `correction-spans-form-${kind}.png`) });
    await end.fill('999999');
    await content.locator('.field-error', { hasText: 'ends after the article' }).waitFor();
    await end.fill(String(start + 'Kyiv is ready for talks, but'.length));
    await end.press('Enter');

    await panel.getByRole('status').filter({ hasText: 'Corrected' }).waitFor();
    await form.waitFor({ state: 'detached' });
    const history = panel.locator('.corrections-history');
    await history.getByText('content: “Kyiv is ready for talks” → “Kyiv is ready for talks, but”').waitFor();
    await history.getByText('cue: “said” → “has said”').waitFor();
    await history
      .getByText('source as written: “Volodymyr Zelenskyy” → “Ukraine President Volodymyr Zelenskyy”')
      .waitFor();
    await history.getByText('canonical name: Volodymyr Zelenskyy → President Volodymyr Zelenskyy').waitFor();
    expect(await panel.locator('.claim-text').first().textContent()).toBe('Kyiv is ready for talks, but');
    await page.locator(`.article-text mark[data-claim-id="${statement.id}"]`, { hasText: 'but' }).first().waitFor();
    await history.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, `correction-spans-saved-${kind}.png`) });
    const row = await desk?.test.db.prisma.statement.findUniqueOrThrow({ where: { id: statement.statementId } });
    expect(row).toMatchObject({
      sourceText: 'Ukraine President Volodymyr Zelenskyy',
      sourceCanonical: 'President Volodymyr Zelenskyy',
      cueText: 'has said',
      contentText: 'Kyiv is ready for talks, but',
      isCorrected: true,
    });
    await page.close();
  });

  it('retracts a public verdict with a required note (R), and shows it retracted (1280x720)', async () => {
    const page = await desk.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.editor);
    const claim = desk.server.article.claims.find((c) => c.text === '8 helicopters');
    if (!claim) throw new Error('no "8 helicopters" in the seed');
    await page.goto(`${desk.server.baseUrl}/articles/${desk.server.article.id}?claim=${claim.id}`);
    const panel = page.locator('.claim-panel');
    await panel.locator('.claim-text', { hasText: '8 helicopters' }).waitFor();
    await page.locator(`#claim-item-${claim.id} button`).focus();
    // Nothing public yet: nothing to retract.
    expect(await panel.getByRole('button', { name: /Retract/ }).count()).toBe(0);
    await page.keyboard.press('v');
    await page.keyboard.press('Enter');
    await panel.locator('h2 [data-publication="draft"]').waitFor();
    await page.keyboard.press('P');
    await panel.locator('h2 [data-publication="public"]').waitFor();

    await page.keyboard.press('R');
    const form = panel.getByRole('form', { name: 'Retract the public verdict' });
    await form.waitFor();
    const note = form.getByLabel(/Why is it retracted/);
    expect(await note.evaluate((el) => el === document.activeElement)).toBe(true);
    // The note is required: Enter on an empty one retracts nothing.
    await page.keyboard.press('Enter');
    await form.getByRole('alert').filter({ hasText: 'say why' }).waitFor();
    expect(await desk?.test.db.prisma.verdict.count({ where: { claimId: claim.id, retractedAt: { not: null } } })).toBe(
      0,
    );
    await note.fill('The helicopter count was the day before; the source corrected it.');
    await page.screenshot({ path: join(SCREENSHOTS, `retract-form-${kind}.png`) });
    expect(await form.getByRole('button', { name: /Retract the public verdict/ }).isVisible()).toBe(true);
    await page.keyboard.press('Enter');

    await panel.locator('h2 [data-publication="retracted"]').waitFor();
    await page.locator(`#claim-item-${claim.id} [data-publication="retracted"]`).waitFor();
    await panel.getByRole('status').filter({ hasText: 'Retracted: consumers now see this claim unrated' }).waitFor();
    const line = panel.locator('.history .retraction-line');
    await line.filter({ hasText: 'The helicopter count was the day before' }).waitFor();
    expect(await line.textContent()).toContain(desk.server.names.editor);
    expect(await panel.getByRole('button', { name: /Retract…/ }).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, `retract-done-${kind}.png`) });
    const verdict = await desk?.test.db.prisma.verdict.findFirstOrThrow({ where: { claimId: claim.id } });
    expect(verdict).toMatchObject({
      retractionNote: 'The helicopter count was the day before; the source corrected it.',
      retractedByName: desk.server.names.editor,
    });
    expect(await desk?.test.db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      status: 'pending',
      publishedStatus: 'pending',
    });
    await page.close();
  });
});
