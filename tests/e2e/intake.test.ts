import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticle } from '@claimdesk/api';
import { seedText } from '../support/api-client.ts';
import { DATABASE_KINDS } from '../support/test-databases.ts';
import { SCREENSHOTS, deskForSuite, signIn } from './support/browser.ts';

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

  it('an admin imports a folder (articles in it and under it, other files skipped), drops files and pastes an address', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-folder-'));
    mkdirSync(join(dir, 'march'));
    writeFileSync(
      join(dir, 'sumy.txt'),
      'date 2022-03-07 Sumy | Folder Desk: The regional governor said 40 people were evacuated from Sumy on Monday.',
    );
    writeFileSync(
      join(dir, 'march', 'kharkiv.txt'),
      'date 2022-03-08 Kharkiv | Folder Desk: The city council said 12 buildings were damaged in Kharkiv overnight.',
    );
    writeFileSync(join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const page = await desk.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.admin);
    await page.goto(`${desk.server.baseUrl}/admin/import`);
    await page.getByRole('heading', { level: 1, name: 'Import articles' }).waitFor();
    await page.getByLabel('Choose a folder to import').setInputFiles(dir);
    const results = page.getByRole('list', { name: 'Import results' });
    const folder = basename(dir);
    const row = (name: string) => results.locator(`li[data-file="${name}"]`);
    await row(`${folder}/march/kharkiv.txt`).locator('li[data-status="stored"]').waitFor();
    await row(`${folder}/sumy.txt`).locator('li[data-status="stored"]').waitFor();
    expect(await row(`${folder}/photo.png`).textContent()).toContain('skipped: not an article file');

    // Files dropped on the drop zone (a folder dragged from the desktop is walked the same way).
    await page.getByTestId('dropzone').evaluate((zone) => {
      const data = new DataTransfer();
      data.items.add(
        new File(
          ['date 2022-03-09 Odesa | Drop Desk: The port authority said 3 ships were stuck in Odesa on Wednesday.'],
          'odesa.txt',
          { type: 'text/plain' },
        ),
      );
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await row('odesa.txt').locator('li[data-status="stored"]').waitFor();

    // An address on loopback that the server does not allow: refused with the reason, nothing fetched.
    await page.getByLabel("Or a page's address").fill('http://127.0.0.1:1/article.html');
    await page.getByRole('button', { name: 'Import page' }).click();
    const refused = row('http://127.0.0.1:1/article.html');
    await refused.locator('[role="alert"]').waitFor();
    expect(await refused.textContent()).toMatch(/not imported: refused: 127\.0\.0\.1 resolves to/);
    const summary = page.locator('.import-summary');
    await expect.poll(async () => summary.textContent()).toContain('5 of 5 done · 3 stored');
    expect(await summary.textContent()).toContain('1 refused');
    await page.screenshot({ path: join(SCREENSHOTS, `intake-import-folder-${kind}.png`), fullPage: true });
    await row(`${folder}/sumy.txt`).getByRole('link').click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'evacuated' }).waitFor();
    await page.close();
  });

  it('an article imported again with a word changed shows its versions and what changed', async () => {
    const v2 = await importArticle(desk.test.db, { text: seedText().replaceAll('Kyiv', 'Kiev') }, undefined, {
      storedBy: desk.server.names.admin,
    });
    expect(v2.version?.number).toBe(2);
    const page = await desk.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.viewer);
    await page.goto(`${desk.server.baseUrl}/articles/${desk.server.article.id}`);
    await page.getByRole('heading', { level: 1, name: desk.server.article.title }).waitFor();
    await page.locator('details.versions summary').filter({ hasText: 'Versions (2)' }).click();
    const list = page.getByRole('list', { name: 'Versions' });
    await list.waitFor();
    const rows = list.locator('li');
    expect(await rows.count()).toBe(2);
    // Newest first: who stored it and what it did to the claims.
    expect(await rows.nth(0).textContent()).toMatch(
      /Version 2 \(current\).*Ada A.*\d+ kept, \d+ new, \d+ removed, 0 not found/,
    );
    expect(await rows.nth(1).textContent()).toContain('first import');
    await rows
      .nth(0)
      .getByRole('button', { name: /Version 2/ })
      .click();
    const changes = page.getByRole('region', { name: 'Changes from version 1 to version 2' });
    await changes.locator('ins').first().waitFor();
    expect(await changes.locator('ins').first().textContent()).toContain('Kiev');
    expect(await changes.locator('del').first().textContent()).toContain('Kyiv');
    expect(await changes.locator('.diff-skipped').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, `intake-versions-${kind}.png`), fullPage: true });
    await page.close();
  });

  it('the Articles list sorts, searches titles and filters by outlet, and a reload keeps it', async () => {
    for (const [title, outlet, publishedOn] of [
      ['Aid convoy reaches Sumy', 'Reuters', '2022-03-02'],
      ['Ceasefire holds in Kharkiv', 'BBC', '2022-03-06'],
    ] as const) {
      const text = `${title}. The governor said the convoy had arrived with 40 trucks.`;
      await importArticle(desk.test.db, { text, title, outlet, publishedOn });
    }
    const page = await desk.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.viewer);
    const table = page.locator('table.articles');
    const rowTitles = async () => table.locator('tbody a.article-title').allTextContents();
    await table.waitFor();
    const all = await rowTitles();
    expect(all.length).toBeGreaterThanOrEqual(3);

    await table.getByRole('button', { name: 'Article' }).click();
    await page.waitForURL(/sort=title/);
    await expect.poll(rowTitles).toEqual([...all].sort());
    expect(await table.locator('th[aria-sort="ascending"]').textContent()).toContain('Article');
    await table.getByRole('button', { name: 'Article' }).click();
    await page.waitForURL(/dir=desc/);
    await expect.poll(rowTitles).toEqual([...all].sort().reverse());

    // Newest first: the other tests of this file import articles too, so check the order, not one row.
    const rowDates = async () => table.locator('tbody td[data-label="Date"]').allTextContents();
    await table.getByRole('button', { name: 'Date' }).click();
    await page.waitForURL(/sort=date/);
    await expect.poll(rowDates).toEqual([...(await rowDates())].sort().reverse());
    await expect
      .poll(async () => {
        const titles = await rowTitles();
        return titles.indexOf('Ceasefire holds in Kharkiv') < titles.indexOf('Aid convoy reaches Sumy');
      })
      .toBe(true);

    await page.getByLabel('Title').fill('convoy');
    await page.waitForURL(/q=convoy/);
    await expect.poll(rowTitles).toEqual(['Aid convoy reaches Sumy']);
    // A reload (or a shared link) shows the same list.
    await page.reload();
    await expect.poll(rowTitles).toEqual(['Aid convoy reaches Sumy']);
    expect(await page.getByLabel('Title').inputValue()).toBe('convoy');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('date');

    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByLabel('Outlet').selectOption('BBC');
    await page.waitForURL(/outlet=BBC/);
    await expect.poll(rowTitles).toEqual(['Ceasefire holds in Kharkiv']);
    await page.screenshot({ path: join(SCREENSHOTS, `intake-articles-filtered-${kind}.png`) });
    await page.getByLabel('Outlet').selectOption('');
    await expect.poll(async () => (await rowTitles()).length).toBe(all.length);
    await page.screenshot({ path: join(SCREENSHOTS, `intake-articles-sorted-${kind}.png`) });
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
