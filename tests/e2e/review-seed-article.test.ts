import { join } from 'node:path';
import { importArticle } from '@claimdesk/api';
import { describe, expect, it } from 'vitest';
import { seedText } from '../support/api-client.ts';
import { DATABASE_KINDS } from '../support/test-databases.ts';
import { PASSWORD, SCREENSHOTS, signIn, deskForSuite } from './support/browser.ts';

describe.each(DATABASE_KINDS)('reviewing the seed article in Chromium on %s', (kind) => {
  const desk = deskForSuite(kind);

  it('marks "102 tanks" disputed with a note, keeps it after a reload, and the API has the verdict', async () => {
    const page = await desk.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.editor);
    await page.getByRole('table').getByText('22', { exact: true }).first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `articles-${kind}.png`) });
    await page.getByRole('link', { name: /ready for talks/ }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `article-${kind}.png`) });

    await page.locator('.article-text mark', { hasText: '102 tanks' }).click();
    await expect.poll(() => page.url()).toContain('claim=');
    await page.getByLabel('Note').fill('The General Staff reported a different count for 26 February.');
    await page.getByRole('button', { name: /Mark disputed/ }).click();
    await page.getByRole('status').filter({ hasText: 'Saved: disputed' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `claim-disputed-${kind}.png`) });

    await page.reload();
    const panel = page.locator('.claim-panel');
    await panel.locator('.claim-text', { hasText: '102 tanks' }).waitFor();
    await expect.poll(() => panel.locator('h2 .badge[data-status]').getAttribute('data-status')).toBe('disputed');
    await panel.getByText('The General Staff reported a different count for 26 February.').waitFor();
    const mark = page.locator('.article-text mark', { hasText: '102 tanks' });
    expect(await mark.getAttribute('class')).toContain('fst-disputed');
    // Not by colour alone: the highlight carries a symbol and a spoken status.
    expect(await mark.textContent()).toContain('✗');
    expect(await mark.locator('.sr-only').textContent()).toContain('figure, disputed');

    const claimId = new URL(page.url()).searchParams.get('claim');
    const api = await page.request.get(`${desk.server.baseUrl}/api/claims/${claimId}`);
    expect(api.status()).toBe(200);
    const body = await api.json();
    expect(body).toMatchObject({ text: '102 tanks', status: 'disputed', version: 1 });
    expect(body.verdicts[0]).toMatchObject({
      status: 'disputed',
      note: 'The General Staff reported a different count for 26 February.',
      author: desk.server.names.editor,
    });
    await page.close();
  });

  it('reviews the whole seed article with the keyboard only: j moves, v/d/u choose, n and typing write the note, Enter saves', async () => {
    const page = await desk.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    // No mouse from here on: type into the sign-in form, submit with Enter.
    await page.goto(desk.server.baseUrl);
    await page.getByLabel('Email').focus();
    await page.keyboard.type(desk.server.users.editor2);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByText('Signed in as').waitFor();
    // Start from the queue, narrowed to the article, and open its first claim with keys.
    await page.goto(`${desk.server.baseUrl}/queue?articleId=${desk.server.article.id}`);
    const total = desk.server.article.claims.length;
    await page
      .getByRole('status')
      .filter({ hasText: `${total} claims match` })
      .waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /ready for talks/ }).waitFor();
    await expect.poll(() => page.url()).toContain(`claim=${desk.server.article.claims[0]?.id}`);

    const plan = desk.server.article.claims.map((c, i) => ({
      claim: c,
      key: (['v', 'd', 'u'] as const)[i % 3] ?? 'v',
    }));
    const statusOf = { v: 'verified', d: 'disputed', u: 'unverifiable' } as const;
    for (const [i, { claim, key }] of plan.entries()) {
      if (i > 0) await page.keyboard.press('j');
      await expect.poll(() => page.url()).toContain(`claim=${claim.id}`);
      await page
        .locator('.claim-panel .claim-text')
        .filter({ hasText: claim.text.slice(0, 40) })
        .waitFor();
      await page.keyboard.press(key);
      await page.getByText(`Press Enter to save as ${statusOf[key]}`).waitFor();
      if (key !== 'v') {
        // d and u put the cursor in the note, which they require.
        await page.keyboard.type(`Checked claim ${i + 1} against the General Staff report.`);
      } else if (i === 0) {
        // n writes a note on a verified claim too; Esc leaves the field, Enter still saves.
        await page.keyboard.press('n');
        await page.keyboard.type('Matches the Kremlin readout.');
      }
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .filter({ hasText: `Saved: ${statusOf[key]}.` })
        .waitFor();
    }
    await page.getByText(`${total} of ${total} reviewed (100%)`).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `article-reviewed-${kind}.png`) });
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `shortcuts-${kind}.png`) });
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'detached' });

    const stored = await desk.test.db.prisma.claim.findMany({
      where: { articleId: desk.server.article.id },
      include: { verdicts: true },
    });
    const byId = new Map(stored.map((c) => [c.id, c]));
    for (const [i, { claim, key }] of plan.entries()) {
      const row = byId.get(claim.id);
      // Each claim got exactly one verdict from this editor (the mouse test's earlier one is the other editor's).
      expect(row?.status).toBe(statusOf[key]);
      const mine = row?.verdicts.filter((v) => v.authorName === desk.server.names.editor2) ?? [];
      expect(mine).toHaveLength(1);
      if (key !== 'v') expect(mine[0]?.note).toBe(`Checked claim ${i + 1} against the General Staff report.`);
    }
    expect(
      byId.get(plan[0]?.claim.id ?? '')?.verdicts.find((v) => v.authorName === desk.server.names.editor2)?.note,
    ).toBe('Matches the Kremlin readout.');
    await page.close();
  });

  it('keeps up with a fast reviewer: v, Enter, j in a row without waiting for the server, and every verdict lands', async () => {
    const page = await desk.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.admin);
    await page.goto(`${desk.server.baseUrl}/articles/${desk.server.article.id}`);
    await page.getByRole('heading', { level: 1, name: /ready for talks/ }).waitFor();
    const burst = desk.server.article.claims.slice(0, 8);
    await page.keyboard.press('j');
    for (const [i] of burst.entries()) {
      if (i > 0) await page.keyboard.press('j');
      await page.keyboard.press('v');
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.url()).toContain(`claim=${burst.at(-1)?.id}`);
    await expect
      .poll(async () =>
        desk.test.db.prisma.verdict.count({
          where: { claimId: { in: burst.map((c) => c.id) }, authorName: desk.server.names.admin, status: 'verified' },
        }),
      )
      .toBe(burst.length);
    for (const c of burst) await page.locator(`#claim-item-${c.id} .badge[data-status="verified"]`).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.close();
  });

  it("shows a conflict with the other editor's verdict, overwrites nothing, and saves on top once resolved", async () => {
    const claim = desk.server.article.claims.find((c) => c.text === '8 helicopters');
    const before = await desk.test.db.prisma.claim.findUniqueOrThrow({
      where: { id: claim?.id ?? '' },
      include: { verdicts: true },
    });
    const a = await desk.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const b = await desk.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const pageA = await a.newPage();
    const pageB = await b.newPage();
    await signIn(pageA, desk.server.baseUrl, desk.server.users.editor);
    await signIn(pageB, desk.server.baseUrl, desk.server.users.editor2);
    // B does not hear of A's verdict (its live-desk poll is held), so B saves on a stale version.
    await pageB.route('**/claim-states', (route) => route.abort());
    for (const p of [pageA, pageB]) {
      await p.goto(`${desk.server.baseUrl}/articles/${desk.server.article.id}?claim=${claim?.id}`);
      await p.locator('.claim-panel .claim-text', { hasText: '8 helicopters' }).waitFor();
    }
    await pageA.getByLabel('Note', { exact: false }).fill('Matches the General Staff count');
    await pageA.getByRole('button', { name: /Mark verified/ }).click();
    await pageA.getByRole('status').filter({ hasText: 'Saved: verified' }).waitFor();

    await pageB.getByLabel('Note', { exact: false }).fill('Seems inflated');
    await pageB.getByRole('button', { name: /Mark disputed/ }).click();
    const alert = pageB.getByRole('alert').filter({ hasText: 'Conflict' });
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain(`${desk.server.names.editor} marked it verified`);
    expect(text).toContain('Matches the General Staff count');
    expect(text).toContain('was not saved');
    // The optimistic "disputed" was rolled back to what the server holds.
    await pageB.locator('.claim-panel h2 .badge[data-status="verified"]').waitFor();
    expect(await pageB.getByLabel('Note', { exact: false }).inputValue()).toBe('Seems inflated');
    await alert.scrollIntoViewIfNeeded();
    await pageB.screenshot({ path: join(SCREENSHOTS, `conflict-${kind}.png`) });
    const stored = await desk.test.db.prisma.claim.findUniqueOrThrow({ where: { id: claim?.id ?? '' } });
    expect(stored).toMatchObject({ status: 'verified', version: before.version + 1 });

    // Resolve: B has now seen A's verdict and records theirs on top of it, deliberately.
    await pageB.getByLabel('Note', { exact: false }).fill('Seems inflated, even after seeing the verified verdict');
    await pageB.getByRole('button', { name: /Mark disputed/ }).click();
    await pageB.getByRole('status').filter({ hasText: 'Saved: disputed' }).waitFor();
    const history = pageB.getByRole('list', { name: 'Verdict history, newest first' });
    await history.getByText('Seems inflated, even after seeing the verified verdict').waitFor();
    await history.getByText('Matches the General Staff count').waitFor();
    const verdicts = await desk.test.db.prisma.verdict.findMany({ where: { claimId: claim?.id ?? '' } });
    expect(verdicts.length).toBe(before.verdicts.length + 2);
    await a.close();
    await b.close();
  });

  it('rolls an optimistic verdict back, with a visible message, when the server refuses it', async () => {
    const page = await desk.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.editor);
    const claim = desk.server.article.claims.find((c) => c.text === '536 BBMs');
    // The server refuses every verdict from this page, once the test lets the answer go.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/claims/*/verdicts', async (route) => {
      await held;
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'internal_error', message: 'the database is unavailable', path: [] } }),
      });
    });
    await page.goto(`${desk.server.baseUrl}/articles/${desk.server.article.id}?claim=${claim?.id}`);
    await page.locator('.claim-panel .claim-text', { hasText: '536 BBMs' }).waitFor();
    const before = await page.locator('.claim-panel h2 .badge[data-status]').getAttribute('data-status');
    const [key, target] = before === 'verified' ? ['u', 'unverifiable'] : ['v', 'verified'];
    await page.keyboard.press(key);
    if (key === 'u') await page.keyboard.type('No second source');
    await page.keyboard.press('Enter');
    // At once, before the server answers: the list and the highlight show the new status.
    await page.locator(`#claim-item-${claim?.id} .badge[data-status="${target}"]`).waitFor();
    expect(await page.locator('.article-text mark', { hasText: '536 BBMs' }).getAttribute('class')).toContain(
      `fst-${target}`,
    );
    const answered = page.waitForResponse((r) => r.url().endsWith('/verdicts'));
    release();
    expect((await answered).status()).toBe(503);
    const alert = page.getByRole('alert').filter({ hasText: 'Not saved' });
    await alert.waitFor({ timeout: 10_000 }).catch(async (error) => {
      throw new Error(`no "Not saved" alert; the panel says: ${await page.locator('.claim-panel').textContent()}`, {
        cause: error,
      });
    });
    expect(await alert.textContent()).toContain('the database is unavailable');
    await page.locator(`#claim-item-${claim?.id} .badge[data-status="${before}"]`).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `rollback-${kind}.png`) });
    await page.close();
  });

  it('a viewer sees no verdict buttons, and signing out returns to the sign-in page', async () => {
    const page = await desk.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.viewer);
    await page.goto(
      `${desk.server.baseUrl}/articles/${desk.server.article.id}?claim=${desk.server.article.claims[0]?.id}`,
    );
    await page.locator('.claim-panel').waitFor();
    expect(await page.getByRole('button', { name: /Mark (verified|disputed|unverifiable)/ }).count()).toBe(0);
    await page.getByText('marking claims needs the editor role').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.close();
  });

  it('on a laptop screen keeps the page still and the verdict buttons in view while the reviewer moves and saves', async () => {
    // Its own copy of the seed, so every claim is still pending whatever the other tests judged.
    const { article } = await importArticle(desk.test.db, {
      text: `${seedText()}\nUkraine said it had shot down 3 drones on Sunday.\n`,
      fileName: 'laptop-copy.txt',
    });
    const page = await desk.browser.newPage({ viewport: { width: 1024, height: 700 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.editor);
    await page.goto(`${desk.server.baseUrl}/articles/${article.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const windowScroll = () => page.evaluate(() => window.scrollY);
    const inView = async (name: RegExp) => {
      const box = await page.getByRole('button', { name }).boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 700;
    };
    const last = article.claims.at(-1);
    for (const claim of article.claims.slice(0, 12)) {
      await page.keyboard.press('j');
      await page
        .locator('.claim-panel .claim-text')
        .filter({ hasText: claim.text.slice(0, 40) })
        .waitFor();
    }
    // A long figure panel scrolled down must not leave the next claim's panel scrolled too.
    await page.locator('.claim-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('.claim-body').evaluate((el) => el.scrollTop)).toBe(0);
    expect(await windowScroll()).toBe(0);
    for (const name of [/Mark verified/, /Mark disputed/, /Mark unverifiable/]) expect(await inView(name)).toBe(true);

    await page.getByRole('button', { name: /Mark disputed/ }).click();
    await page.getByText(/a note is required when a claim is marked disputed/).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('verdict-note');
    await page.keyboard.type('The Kremlin readout says otherwise.');
    await page.getByRole('button', { name: /Mark disputed/ }).click();
    // The outcome is told beside the buttons, and nothing moved to show it.
    await page.getByRole('group', { name: 'Mark this claim' }).getByText('Saved: disputed.').waitFor();
    // The button pressed is disabled while saving; the focus goes back to the claim in the list, not the page.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe('true');
    expect(await windowScroll()).toBe(0);
    expect(await inView(/Mark verified/)).toBe(true);

    // p skips what is judged: from the claim just disputed to the next pending one.
    const disputedId = new URL(page.url()).searchParams.get('claim');
    await page.keyboard.press('p');
    await expect.poll(() => new URL(page.url()).searchParams.get('claim')).not.toBe(disputedId);
    await expect
      .poll(() => page.locator('.claim-panel h2 .badge[data-status]').getAttribute('data-status'))
      .toBe('pending');
    expect(await windowScroll()).toBe(0);

    // Far down a long article, the claim chosen in the list is brought into view in the text.
    await page.locator(`#claim-item-${last?.id} button`).click();
    const mark = page.locator(`.article-text mark[data-claim-id="${last?.id}"]`).first();
    await expect.poll(async () => ((await mark.boundingBox())?.y ?? -1) > 0).toBe(true);
    expect(await windowScroll()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, `article-laptop-${kind}.png`) });
    await page.close();
  });
});
