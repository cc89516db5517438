import './admin.css';
import { ChangePasswordForm } from '../components/password-form.tsx';

/**
 * Every signed-in user: change your own password. `forced`: after an admin's reset, the one
 * screen there is until a new password is chosen (the API refuses everything else meanwhile).
 */
export function PasswordPage({ forced = false }: { forced?: boolean }) {
  return (
    <section aria-labelledby="password-title" className="admin-page">
      <h1 id="password-title">{forced ? 'Choose a new password' : 'Your password'}</h1>
      {forced ? (
        <p role="status">
          An admin reset your password. The one you signed in with works once: choose your own before you go on.
        </p>
      ) : (
        <p>Changing it signs you out everywhere else.</p>
      )}
      <ChangePasswordForm />
    </section>
  );
}
