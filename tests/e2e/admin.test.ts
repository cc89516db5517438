import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/test-databases.ts';
import { SCREENSHOTS, signIn, deskForSuite } from './support/browser.ts';

describe.each(DATABASE_KINDS)('the admin pages in Chromium on %s', (kind) => {
  const desk = deskForSuite(kind);

  it('an admin adds a user, changes a role and disables an account on the users page', async () => {
    const page = await desk.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.admin);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();

    const form = page.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Email').fill('new.editor@example.org');
    await form.getByLabel('Name').fill('Nadia');
    await form.getByLabel('Role').selectOption('editor');
    await form.getByLabel('Password').fill('a long enough password');
    await form.getByRole('button', { name: 'Add user' }).click();
    await page.getByRole('status').filter({ hasText: 'Created new.editor@example.org (editor)' }).waitFor();
    await page.locator('tr[data-user="new.editor@example.org"]').waitFor();
    expect(
      (await desk.test.db.prisma.user.findUniqueOrThrow({ where: { email: 'new.editor@example.org' } })).role,
    ).toBe('editor');

    // A duplicate is refused with the API's message, nothing changes.
    await form.getByLabel('Email').fill(desk.server.users.viewer);
    await form.getByLabel('Password').fill('a long enough password');
    await form.getByRole('button', { name: 'Add user' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: `a user with email ${desk.server.users.viewer} already exists` })
      .waitFor();

    await page.getByLabel(`Role of ${desk.server.users.viewer}`).selectOption('editor');
    await expect
      .poll(
        async () =>
          (await desk.test.db.prisma.user.findUniqueOrThrow({ where: { email: desk.server.users.viewer } })).role,
      )
      .toBe('editor');
    await page.getByRole('button', { name: `Disable ${desk.server.users.editor2}` }).click();
    await page.getByRole('button', { name: `Enable ${desk.server.users.editor2}` }).waitFor();
    expect(
      (await desk.test.db.prisma.user.findUniqueOrThrow({ where: { email: desk.server.users.editor2 } })).isDisabled,
    ).toBe(true);
    // A display name is changed in place (Enter saves it).
    const name = page.getByLabel(`Display name of ${desk.server.users.editor2}`);
    await name.fill('Taras Melnyk');
    await name.press('Enter');
    await expect
      .poll(
        async () =>
          (await desk.test.db.prisma.user.findUniqueOrThrow({ where: { email: desk.server.users.editor2 } })).name,
      )
      .toBe('Taras Melnyk');
    // Nobody locks themselves out from their own row: another admin changes their role or account.
    expect(await page.getByRole('button', { name: `Disable ${desk.server.users.admin}` }).isDisabled()).toBe(true);
    expect(await page.getByLabel(`Role of ${desk.server.users.admin}`).isDisabled()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, `admin-users-${kind}.png`), fullPage: true });

    // The new editor signs in and sees no admin pages.
    const other = await desk.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const editorPage = await other.newPage();
    await signIn(editorPage, desk.server.baseUrl, 'new.editor@example.org', 'a long enough password');
    const editorNav = editorPage.getByRole('navigation', { name: 'Main' });
    await editorNav.getByRole('link', { name: 'Review queue' }).waitFor();
    expect(await editorNav.getByRole('link', { name: /Users|API keys|Webhooks/ }).count()).toBe(0);
    await editorPage.goto(`${desk.server.baseUrl}/admin/users`);
    await editorPage.getByText('This page needs the admin role; you are editor.').waitFor();
    expect(await editorPage.locator('tr[data-user]').count()).toBe(0);
    await other.close();
    await page.close();
  });

  it('an admin creates an API key that is shown once and works, then revokes it', async () => {
    const page = await desk.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await page.getByRole('form', { name: 'Create an API key' }).getByLabel('Name').fill('newsroom CMS');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = page.getByLabel('New API key');
    await secret.waitFor();
    const key = await secret.inputValue();
    expect(key).toMatch(/^cd_[A-Za-z0-9]+_[A-Za-z0-9_-]+$/);
    await page.screenshot({ path: join(SCREENSHOTS, `admin-keys-${kind}.png`), fullPage: true });

    const ok = await page.request.get(`${desk.server.baseUrl}/api/v1/claims?limit=1`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(ok.status()).toBe(200);

    // After a reload the key is gone for good: only its prefix is listed.
    await page.reload();
    await page.locator('tr[data-key="newsroom CMS"]').waitFor();
    expect(await page.content()).not.toContain(key);
    expect(await page.locator('tr[data-key="newsroom CMS"]').textContent()).toContain('active');
    await page.getByRole('button', { name: 'Revoke newsroom CMS' }).click();
    await page.locator('tr[data-key="newsroom CMS"]', { hasText: 'revoked' }).waitFor();
    const refused = await page.request.get(`${desk.server.baseUrl}/api/v1/claims?limit=1`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(refused.status()).toBe(401);
    await page.close();
  });

  it('an admin registers a webhook, sees its secret once and its deliveries', async () => {
    const page = await desk.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, desk.server.baseUrl, desk.server.users.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await page.getByLabel('URL').fill('http://127.0.0.1:9/hooks/claimdesk');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const secret = await page.getByLabel('Webhook signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    const stored = await desk.test.db.prisma.webhook.findFirstOrThrow({
      where: { url: 'http://127.0.0.1:9/hooks/claimdesk' },
    });
    expect(stored.secret).toBe(secret);
    await page.getByRole('button', { name: 'Deliveries' }).click();
    await page.getByText('Nothing sent yet').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `admin-webhooks-${kind}.png`), fullPage: true });
    await page.getByRole('button', { name: 'Stop http://127.0.0.1:9/hooks/claimdesk' }).click();
    await page.getByRole('cell', { name: 'stopped' }).waitFor();
    expect((await desk.test.db.prisma.webhook.findUniqueOrThrow({ where: { id: stored.id } })).isActive).toBe(false);
    await page.close();
  });

  it('a user disabled by an admin is back on the sign-in page at their next step', async () => {
    const email = `short-lived-${kind}@example.org`;
    const admin = await desk.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(admin, desk.server.baseUrl, desk.server.users.admin);
    await admin.goto(`${desk.server.baseUrl}/admin/users`);
    const form = admin.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Role').selectOption('viewer');
    await form.getByLabel('Password').fill('a long enough password');
    await form.getByRole('button', { name: 'Add user' }).click();
    await admin.locator(`tr[data-user="${email}"]`).waitFor();

    const context = await desk.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, desk.server.baseUrl, email, 'a long enough password');
    await admin.getByRole('button', { name: `Disable ${email}` }).click();
    await admin.getByRole('button', { name: `Enable ${email}` }).waitFor();
    // No reload: the next request fails with 401 and the app shows the sign-in form.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review queue' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.getByText('Signed in as').count()).toBe(0);
    await context.close();
    await admin.close();
  });
});
