import './admin.css';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { deliveriesQuery, useCreateWebhook, useStopWebhook, webhooksQuery } from '../api/admin-queries.ts';
import { ListStates, ShownOnceSecret } from '../components/admin-parts.tsx';

function Deliveries({ webhookId, url }: { webhookId: string; url: string }) {
  const deliveries = useQuery({ ...deliveriesQuery(webhookId), refetchInterval: 5000 });
  return (
    <section aria-label={`Deliveries to ${url}`}>
      <h3>Deliveries to {url}</h3>
      <ListStates query={deliveries} what="deliveries" empty="Nothing sent yet: every new verdict is sent here." />
      {deliveries.data && deliveries.data.items.length > 0 && (
        <table className="articles admin-table">
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last answer</th>
              <th scope="col">Next attempt</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.data.items.map((d) => (
              <tr key={d.id}>
                <td data-label="Created">{d.createdAt.slice(0, 19).replace('T', ' ')}</td>
                <td>{d.status}</td>
                <td data-label="Attempts">{d.attempts}</td>
                <td data-label="Last answer">
                  {d.lastError ?? (d.lastStatus === null ? '—' : `HTTP ${d.lastStatus}`)}
                </td>
                <td data-label="Next attempt">
                  {d.status === 'pending' ? d.nextAttemptAt.slice(0, 19).replace('T', ' ') : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Admins only: URLs that receive every new verdict, signed with HMAC-SHA256. */
export function WebhooksPage() {
  const webhooks = useQuery(webhooksQuery);
  const create = useCreateWebhook();
  const stop = useStopWebhook();
  const [url, setUrl] = useState('');
  const [shown, setShown] = useState<{ url: string; secret: string } | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setShown(null);
    create.mutate(
      { url },
      {
        onSuccess: (created) => {
          setShown({ url: created.url, secret: created.secret });
          setUrl('');
        },
      },
    );
  };

  return (
    <section aria-labelledby="webhooks-title" className="admin-page">
      <h1 id="webhooks-title">Webhooks</h1>
      <p>
        Each new verdict is POSTed as JSON to every active webhook, signed in the <code>X-Claimdesk-Signature</code>{' '}
        header, and retried with backoff when the receiver fails.
      </p>
      <form onSubmit={onSubmit} aria-label="Add a webhook" className="admin-form">
        <h2>Add a webhook</h2>
        <label htmlFor="new-webhook-url">URL</label>
        <input
          id="new-webhook-url"
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          required
          placeholder="https://cms.example.org/hooks/claimdesk"
        />
        <button type="submit" className="btn" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add webhook'}
        </button>
        {create.isError && (
          <p role="alert" className="message message-error">
            {create.error.message}
          </p>
        )}
      </form>
      {shown && (
        <ShownOnceSecret id="new-webhook-secret" label="Webhook signing secret" value={shown.secret}>
          Webhook for {shown.url} added. Its signing secret is shown only once:
        </ShownOnceSecret>
      )}
      <h2>Webhooks</h2>
      <ListStates query={webhooks} what="webhooks" empty="No webhooks yet." />
      {webhooks.data && webhooks.data.items.length > 0 && (
        <table className="articles admin-table">
          <thead>
            <tr>
              <th scope="col">URL</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {webhooks.data.items.map((w) => (
              <tr key={w.id}>
                <td>{w.url}</td>
                <td>{w.isActive ? 'active' : 'stopped'}</td>
                <td data-label="Created">{w.createdAt.slice(0, 10)}</td>
                <td>
                  <button
                    type="button"
                    className="btn-small"
                    aria-expanded={open === w.id}
                    onClick={() => setOpen(open === w.id ? null : w.id)}
                  >
                    Deliveries
                  </button>{' '}
                  {w.isActive && (
                    <button
                      type="button"
                      className="btn-small"
                      aria-label={`Stop ${w.url}`}
                      disabled={stop.isPending}
                      onClick={() => stop.mutate(w.id)}
                    >
                      Stop
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && <Deliveries webhookId={open} url={webhooks.data?.items.find((w) => w.id === open)?.url ?? ''} />}
    </section>
  );
}
