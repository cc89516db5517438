import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/test-databases.ts';
import { SCREENSHOTS, signIn, deskForSuite } from './support/browser.ts';

describe.each(DATABASE_KINDS)('intake in Chromium on %s', (kind) => {
  const desk = deskForSuite(kind);

  it('an admin imports three files from the Import page, sees each result and opens one', async () => {
    const page = await desk.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import articles' }).waitFor();
    const html = `<!doctype html><html><head><link rel="canonical" href="https://news.example/irpin">
<meta property="article:published_time" content="2022-03-05T10:00:00Z"><meta property="og:site_name" content="Example News"></head>
<body><nav>Home News</nav><article><h1>Kyiv says 12 tanks destroyed near Irpin</h1>
<p>The General Staff of Ukraine's Armed Forces said on Saturday that Russian forces had lost 12 tanks and 3 aircraft near Irpin over the past day, in one of the fiercest battles around the capital.</p>
<p>Kremlin spokesman Dmitry Peskov said the operation was going according to plan.</p></article></body></html>`;
    const csv =
      'published,headline,articles\n2022-03-02,"Ukraine says 30 aircraft downed","The Ukrainian military said on Wednesday that 30 Russian aircraft had been shot down."\n2022-03-03,"Empty",""\n';
    await page.getByLabel('CSV columns (optional)').fill('text=articles,publishedOn=published,title=headline');
    await page.getByLabel('Choose files to import').setInputFiles([
      { name: 'irpin.html', mimeType: 'text/html', buffer: Buffer.from(html) },
      { name: 'guardian.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
      { name: 'tool.txt', mimeType: 'text/plain', buffer: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]) },
    ]);
    const results = page.getByRole('list', { name: 'Import results' });
    await results.locator('li[data-file="tool.txt"] li[data-status="refused"]').waitFor();
    const html1 = results.locator('li[data-file="irpin.html"] li[data-status="stored"]');
    expect(await html1.textContent()).toContain('stored: Kyiv says 12 tanks destroyed near Irpin');
    const csvRows = results.locator('li[data-file="guardian.csv"] li');
    expect(await csvRows.count()).toBe(2);
    expect(await csvRows.nth(0).getAttribute('data-status')).toBe('stored');
    expect(await csvRows.nth(1).textContent()).toContain('refused: needs a text or an html field');
    expect(await results.locator('li[data-file="tool.txt"]').textContent()).toContain('NUL byte');
    await page.screenshot({ path: join(SCREENSHOTS, `intake-import-results-${kind}.png`), fullPage: true });

    await html1.getByRole('link', { name: 'Kyiv says 12 tanks destroyed near Irpin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kyiv says 12 tanks destroyed near Irpin' }).waitFor();
    const meta = page.locator('dl.meta');
    expect(await meta.textContent()).toContain('Example News');
    expect(await meta.textContent()).toContain('2022-03-05');
    expect(await page.locator('.article-text').textContent()).toMatch(/^The General Staff/);
    await page.screenshot({ path: join(SCREENSHOTS, `intake-import-opened-${kind}.png`) });

    // The seed's header line is metadata above the text, not part of it.
    await page.goto(`${desk.server.baseUrl}/articles/${desk.server.article.id}`);
    await page.getByRole('heading', { level: 1, name: desk.server.article.title }).waitFor();
    const text = (await page.locator('.article-text').textContent()) ?? '';
    expect(text.trimStart().startsWith('Russia on Sunday said')).toBe(true);
    expect(text).not.toContain('Jagran News Desk:');
    await page.close();
  });

  it('an admin deletes an article after confirming; an editor sees no delete button', async () => {
    const editor = await desk.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(editor, desk.server.baseUrl, desk.server.users.editor);
    await editor.goto(`${desk.server.baseUrl}/articles/${desk.server.article.id}`);
    await editor.getByRole('heading', { level: 1, name: desk.server.article.title }).waitFor();
    expect(await editor.getByRole('button', { name: 'Delete article…' }).count()).toBe(0);
    await editor.close();

    const page = await desk.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.admin);
    await page.goto(`${desk.server.baseUrl}/articles/${desk.server.article.id}`);
    await page.getByRole('button', { name: 'Delete article…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this article?' });
    await dialog.waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `intake-delete-confirm-${kind}.png`) });
    // Cancel first: nothing happens.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await desk.test.db.prisma.article.count({ where: { id: desk.server.article.id } })).toBe(1);

    await page.getByRole('button', { name: 'Delete article…' }).click();
    await dialog.getByRole('button', { name: 'Delete article' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Deleted “${desk.server.article.title}” with its claims.` })
      .waitFor();
    await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
    expect(await desk.test.db.prisma.article.count({ where: { id: desk.server.article.id } })).toBe(0);
    expect(await desk.test.db.prisma.claim.count({ where: { articleId: desk.server.article.id } })).toBe(0);
    const event = await desk.test.db.prisma.auditEvent.findFirstOrThrow({
      where: { subjectId: desk.server.article.id },
    });
    // The audit names the person; the address stays in its details, for admins.
    expect(event.actorName).toBe(desk.server.names.admin);
    await page.screenshot({ path: join(SCREENSHOTS, `intake-deleted-${kind}.png`) });
    await page.close();
  });
});
