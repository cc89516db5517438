import './admin.css';
import { MIN_PASSWORD_LENGTH, type Role, type User } from '@claimdesk/contracts';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useCreateUser, useResetPassword, useUpdateUser, usersQuery } from '../api/admin-queries.ts';
import { ListStates, ShownOnceSecret } from '../components/admin-parts.tsx';

const ROLES: Role[] = ['viewer', 'editor', 'admin'];
const ROLE_HELP: Record<Role, string> = {
  viewer: 'reads',
  editor: 'reviews claims',
  admin: 'everything, including users and keys',
};

/** Admins only: who may sign in, with which role. */
export function UsersPage({ me }: { me: User }) {
  const users = useQuery(usersQuery);
  const create = useCreateUser();
  const update = useUpdateUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [created, setCreated] = useState<string | null>(null);
  const reset = useResetPassword();
  // The row whose reset awaits a second click, and the one-time password of the last reset (this page only).
  const [confirmReset, setConfirmReset] = useState<string | null>(null);
  const [oneTime, setOneTime] = useState<{ email: string; password: string } | null>(null);
  const onReset = (u: User) => {
    setOneTime(null);
    reset.mutate(u.id, {
      onSuccess: ({ user, password }) => {
        setConfirmReset(null);
        setOneTime({ email: user.email, password });
      },
    });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    create.mutate(
      { email, name, password, role },
      {
        onSuccess: (user) => {
          setCreated(`Created ${user.email} (${user.role}). Give them their password through a safe channel.`);
          setEmail('');
          setName('');
          setPassword('');
        },
      },
    );
  };

  return (
    <section aria-labelledby="users-title" className="admin-page">
      <h1 id="users-title">Users</h1>
      <p>Viewers read, editors review claims, admins manage users, API keys and webhooks.</p>

      <form onSubmit={onSubmit} aria-label="Add a user" className="admin-form">
        <h2>Add a user</h2>
        <label htmlFor="new-user-email">Email</label>
        <input
          id="new-user-email"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
          autoComplete="off"
        />
        <label htmlFor="new-user-name">Display name</label>
        <input
          id="new-user-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="off"
          aria-describedby="new-user-name-help"
        />
        <small id="new-user-name-help">
          Shown with their verdicts, in CSV and webhooks (the e-mail never is). Empty: the part before the @.
        </small>
        <label htmlFor="new-user-role">Role</label>
        <select id="new-user-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r} ({ROLE_HELP[r]})
            </option>
          ))}
        </select>
        <label htmlFor="new-user-password">Password</label>
        <input
          id="new-user-password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          minLength={MIN_PASSWORD_LENGTH}
          required
          autoComplete="new-password"
          aria-describedby="new-user-password-help"
        />
        <small id="new-user-password-help">At least {MIN_PASSWORD_LENGTH} characters.</small>
        <button type="submit" className="btn" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add user'}
        </button>
        {create.isError && (
          <p role="alert" className="message message-error">
            {create.error.message}
          </p>
        )}
        {created && (
          <p role="status" className="message message-ok">
            {created}
          </p>
        )}
      </form>

      <h2>Accounts</h2>
      <ListStates query={users} what="users" />
      {reset.isError && (
        <p role="alert" className="message message-error">
          {reset.error.message}
        </p>
      )}
      {oneTime && (
        <ShownOnceSecret
          id="one-time-password"
          label={`One-time password for ${oneTime.email}`}
          value={oneTime.password}
        >
          Password of <strong>{oneTime.email}</strong> reset and their sessions ended. Give them this one-time password
          through a safe channel: it is shown only once, and they must choose their own when they sign in with it.
        </ShownOnceSecret>
      )}
      {update.isError && (
        <p role="alert" className="message message-error">
          {update.error.message}
        </p>
      )}
      {users.data && (
        <table className="articles admin-table">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((u) => (
              <tr key={u.id} data-user={u.email}>
                <td>
                  {u.email}
                  {u.id === me.id && ' (you)'}
                </td>
                <td>
                  <NameField user={u} isBusy={update.isPending} onSave={(name) => update.mutate({ id: u.id, name })} />
                </td>
                <td>
                  <select
                    aria-label={`Role of ${u.email}`}
                    value={u.role}
                    // Your own role and account are changed by another admin: one slip here locks you out.
                    disabled={update.isPending || u.id === me.id}
                    onChange={(e) => update.mutate({ id: u.id, role: e.target.value as Role })}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{u.isDisabled ? 'disabled' : 'active'}</td>
                <td>
                  <button
                    type="button"
                    className="btn-small"
                    aria-label={`${u.isDisabled ? 'Enable' : 'Disable'} ${u.email}`}
                    disabled={update.isPending || u.id === me.id}
                    onClick={() => update.mutate({ id: u.id, isDisabled: !u.isDisabled })}
                  >
                    {u.isDisabled ? 'Enable' : 'Disable'}
                  </button>{' '}
                  {confirmReset === u.id ? (
                    <>
                      <button
                        type="button"
                        className="btn-small btn-danger"
                        aria-label={`Confirm password reset for ${u.email}`}
                        disabled={reset.isPending}
                        onClick={() => onReset(u)}
                      >
                        Reset: their sessions end
                      </button>{' '}
                      <button type="button" className="btn-small" onClick={() => setConfirmReset(null)}>
                        Cancel
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      className="btn-small"
                      aria-label={`Reset password of ${u.email}`}
                      // Your own: change it under Password, with the current one.
                      disabled={u.id === me.id}
                      onClick={() => {
                        setOneTime(null);
                        setConfirmReset(u.id);
                      }}
                    >
                      Reset password
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A user's display name, saved on Enter or when the field is left, if it changed. */
function NameField({ user, isBusy, onSave }: { user: User; isBusy: boolean; onSave: (name: string) => void }) {
  const [value, setValue] = useState(user.name);
  const [shown, setShown] = useState(user.name);
  // A rename saved (or refused) elsewhere shows here, unless the admin is typing a new one.
  if (user.name !== shown) {
    setShown(user.name);
    setValue(user.name);
  }
  const commit = () => {
    const next = value.trim();
    if (next === '' || next === user.name) setValue(user.name);
    else onSave(next);
  };
  return (
    <input
      className="name-field"
      aria-label={`Display name of ${user.email}`}
      value={value}
      disabled={isBusy}
      maxLength={200}
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') setValue(user.name);
      }}
    />
  );
}
