import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/test-databases.ts';
import { PASSWORD, SCREENSHOTS, signIn, deskForSuite } from './support/browser.ts';

/** Fills the sign-in form and submits it (without waiting for the app). */
async function submitSignIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(baseUrl);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function fillPasswordForm(page: Page, current: string, next: string, repeat = next) {
  const form = page.getByRole('form', { name: 'Change your password' });
  await form.getByLabel('Current password').fill(current);
  await form.getByLabel('New password', { exact: true }).fill(next);
  await form.getByLabel('Repeat the new password').fill(repeat);
  await form.getByRole('button', { name: 'Change password' }).click();
}

describe.each(DATABASE_KINDS)('passwords in the app (Chromium) on %s', (kind) => {
  const desk = deskForSuite(kind);

  it('an admin resets a password, sees the one-time password once, and its holder must choose a new one first', async () => {
    const admin = await desk.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await admin.newPage();
    await signIn(page, desk.server.baseUrl, desk.server.users.admin);
    await page.goto(`${desk.server.baseUrl}/admin/users`);
    // Not your own: that is changed with the current password.
    expect(await page.getByRole('button', { name: `Reset password of ${desk.server.users.admin}` }).isDisabled()).toBe(
      true,
    );
    await page.getByRole('button', { name: `Reset password of ${desk.server.users.editor2}` }).click();
    await page.getByRole('button', { name: `Confirm password reset for ${desk.server.users.editor2}` }).click();
    const secret = page.getByLabel(`One-time password for ${desk.server.users.editor2}`);
    await secret.waitFor();
    const oneTime = await secret.inputValue();
    expect(oneTime.length).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: join(SCREENSHOTS, `password-reset-${kind}.png`) });
    const row = await desk.test.db.prisma.user.findUniqueOrThrow({ where: { email: desk.server.users.editor2 } });
    expect(row.mustChangePassword).toBe(true);
    // Shown once: a reload of the page no longer has it.
    await page.reload();
    await page.locator('tr[data-user]').first().waitFor();
    expect(await page.getByLabel(`One-time password for ${desk.server.users.editor2}`).count()).toBe(0);
    await admin.close();

    const holder = await desk.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const p = await holder.newPage();
    // The old password no longer works.
    await submitSignIn(p, desk.server.baseUrl, desk.server.users.editor2, PASSWORD);
    await p
      .getByRole('alert')
      .filter({ hasText: /email or password/i })
      .waitFor();
    await submitSignIn(p, desk.server.baseUrl, desk.server.users.editor2, oneTime);
    await p.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    // Nothing else before the change: no navigation, and another address shows the same screen.
    expect(await p.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await p.goto(`${desk.server.baseUrl}/queue`);
    await p.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    expect(await p.locator('.queue').count()).toBe(0);
    await p.screenshot({ path: join(SCREENSHOTS, `password-forced-${kind}.png`) });

    // A weak one is refused with the server's reason; the one-time password stays the current one.
    await fillPasswordForm(p, oneTime, 'password1234');
    await p.getByRole('alert').filter({ hasText: 'too easy to guess' }).waitFor();
    await fillPasswordForm(p, oneTime, 'violet harbour lantern sixty');
    await p.getByText('Signed in as').waitFor();
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review queue' }).waitFor();
    const after = await desk.test.db.prisma.user.findUniqueOrThrow({ where: { email: desk.server.users.editor2 } });
    expect(after.mustChangePassword).toBe(false);
    await holder.close();

    // The one-time password is spent; the new one signs in straight to the app.
    const again = await desk.browser.newContext();
    const q = await again.newPage();
    await submitSignIn(q, desk.server.baseUrl, desk.server.users.editor2, oneTime);
    await q
      .getByRole('alert')
      .filter({ hasText: /email or password/i })
      .waitFor();
    await signIn(q, desk.server.baseUrl, desk.server.users.editor2, 'violet harbour lantern sixty');
    await again.close();
  });

  it('a user changes their own password: the current one is required, and their other sessions end', async () => {
    const other = await desk.browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, desk.server.baseUrl, desk.server.users.viewer);
    expect((await otherPage.request.get(`${desk.server.baseUrl}/api/session`)).status()).toBe(200);

    const context = await desk.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, desk.server.baseUrl, desk.server.users.viewer);
    await page.getByRole('link', { name: 'Password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your password' }).waitFor();

    await fillPasswordForm(page, 'not my password at all', 'granite orchard violin moss');
    await page.getByRole('alert').filter({ hasText: 'this is not your current password' }).waitFor();
    await fillPasswordForm(page, PASSWORD, 'granite orchard violin moss', 'granite orchard violin mass');
    await page.getByRole('alert').filter({ hasText: 'The two new passwords differ.' }).waitFor();
    // Still the old password: nothing was sent for the mismatch, and the wrong current one changed nothing.
    const before = await desk.test.db.prisma.user.findUniqueOrThrow({ where: { email: desk.server.users.viewer } });

    await fillPasswordForm(page, PASSWORD, 'granite orchard violin moss');
    await page.getByRole('status').filter({ hasText: 'Password changed' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `password-changed-${kind}.png`) });
    const changed = await desk.test.db.prisma.user.findUniqueOrThrow({ where: { email: desk.server.users.viewer } });
    expect(changed.passwordHash).not.toBe(before.passwordHash);
    // This session goes on; the other one is over.
    expect((await page.request.get(`${desk.server.baseUrl}/api/session`)).status()).toBe(200);
    expect((await otherPage.request.get(`${desk.server.baseUrl}/api/session`)).status()).toBe(401);
    await other.close();
    await context.close();

    const fresh = await desk.browser.newContext();
    const q = await fresh.newPage();
    await submitSignIn(q, desk.server.baseUrl, desk.server.users.viewer, PASSWORD);
    await q
      .getByRole('alert')
      .filter({ hasText: /email or password/i })
      .waitFor();
    await signIn(q, desk.server.baseUrl, desk.server.users.viewer, 'granite orchard violin moss');
    await fresh.close();
  });
});
