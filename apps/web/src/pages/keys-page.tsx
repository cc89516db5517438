import './admin.css';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiKeysQuery, useCreateApiKey, useRevokeApiKey } from '../api/admin-queries.ts';
import { ListStates, ShownOnceSecret } from '../components/admin-parts.tsx';

/** Admins only: read-only API keys for consumers. A new key is shown here once, then only its prefix. */
export function KeysPage() {
  const keys = useQuery(apiKeysQuery);
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [name, setName] = useState('');
  const [shown, setShown] = useState<{ name: string; key: string } | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setShown(null);
    create.mutate(
      { name },
      {
        onSuccess: (created) => {
          setShown({ name: created.name, key: created.key });
          setName('');
        },
      },
    );
  };

  return (
    <section aria-labelledby="keys-title" className="admin-page">
      <h1 id="keys-title">API keys</h1>
      <p>
        A key lets a consumer read claims, verdicts and exports (<code>/api/v1/…</code>) with
        <code> Authorization: Bearer &lt;key&gt;</code>. Keys are read-only and stored hashed.
      </p>

      <form onSubmit={onSubmit} aria-label="Create an API key" className="admin-form">
        <h2>Create a key</h2>
        <label htmlFor="new-key-name">Name</label>
        <input
          id="new-key-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={100}
          placeholder="who uses it, e.g. newsroom CMS"
        />
        <button type="submit" className="btn" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create key'}
        </button>
        {create.isError && (
          <p role="alert" className="message message-error">
            {create.error.message}
          </p>
        )}
      </form>
      {shown && (
        <ShownOnceSecret id="new-api-key" label="New API key" value={shown.key}>
          Key <strong>{shown.name}</strong> created. Copy it now: it is shown only once.
        </ShownOnceSecret>
      )}

      <h2>Keys</h2>
      <ListStates query={keys} what="keys" empty="No API keys yet." />
      {revoke.isError && (
        <p role="alert" className="message message-error">
          {revoke.error.message}
        </p>
      )}
      {keys.data && keys.data.items.length > 0 && (
        <table className="articles admin-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Prefix</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.data.items.map((k) => (
              <tr key={k.id} data-key={k.name}>
                <td>{k.name}</td>
                <td>
                  <code>cd_{k.prefix}_…</code>
                </td>
                <td data-label="Created">{k.createdAt.slice(0, 10)}</td>
                <td data-label="Last used">{k.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? 'never'}</td>
                <td>{k.revokedAt ? `revoked ${k.revokedAt.slice(0, 10)}` : 'active'}</td>
                <td>
                  {!k.revokedAt && (
                    <button
                      type="button"
                      className="btn-small"
                      aria-label={`Revoke ${k.name}`}
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate(k.id)}
                    >
                      Revoke
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
