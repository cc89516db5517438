import { MIN_PASSWORD_LENGTH } from '@claimdesk/contracts';
import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { useChangePassword } from '../api/queries.ts';

/**
 * Changing one's own password: the current one (proof that this is the account holder, not a
 * borrowed session), the new one twice. The server checks strength and ends the other sessions.
 */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const ids = useId();
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (newPassword !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNew('');
          setRepeat('');
          setDone(true);
          onChanged?.();
        },
      },
    );
  };
  const error = change.error instanceof ApiError ? change.error : null;
  const fieldAtFault = error?.path[0];

  return (
    <form onSubmit={onSubmit} aria-label="Change your password" className="admin-form password-form">
      <label htmlFor={`${ids}-current`}>Current password</label>
      <input
        id={`${ids}-current`}
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(e) => setCurrent(e.target.value)}
        aria-invalid={fieldAtFault === 'currentPassword' || undefined}
        required
      />
      <label htmlFor={`${ids}-new`}>New password</label>
      <input
        id={`${ids}-new`}
        type="password"
        autoComplete="new-password"
        value={newPassword}
        onChange={(e) => setNew(e.target.value)}
        aria-describedby={`${ids}-new-hint`}
        aria-invalid={fieldAtFault === 'newPassword' || undefined}
        minLength={MIN_PASSWORD_LENGTH}
        required
      />
      <small id={`${ids}-new-hint`}>
        At least {MIN_PASSWORD_LENGTH} characters and hard to guess: a few unrelated words work well.
      </small>
      <label htmlFor={`${ids}-repeat`}>Repeat the new password</label>
      <input
        id={`${ids}-repeat`}
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={(e) => setRepeat(e.target.value)}
        aria-invalid={mismatch || undefined}
        required
      />
      <button type="submit" className="btn" disabled={change.isPending}>
        {change.isPending ? 'Changing…' : 'Change password'}
      </button>
      {mismatch && (
        <p role="alert" className="message message-error">
          The two new passwords differ.
        </p>
      )}
      {change.isError && !mismatch && (
        <p role="alert" className="message message-error">
          {change.error.message}
        </p>
      )}
      {done && (
        <p role="status" className="message message-ok">
          Password changed. Your other sessions were signed out.
        </p>
      )}
    </form>
  );
}
