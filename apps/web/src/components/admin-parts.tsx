import type { ReactNode } from 'react';

interface ListQuery {
  isLoading: boolean;
  isError: boolean;
  error: Error | null;
  data?: { items: readonly unknown[] } | undefined;
}

/** The designed states of an admin list: loading, could not load, and empty (never a blank page). */
export function ListStates({ query, what, empty }: { query: ListQuery; what: string; empty?: string }) {
  return (
    <>
      {query.isLoading && (
        <p className="state" role="status">
          Loading {what}…
        </p>
      )}
      {query.isError && (
        <p className="state" role="alert">
          {what[0]?.toUpperCase()}
          {what.slice(1)} could not be loaded: {query.error?.message}
        </p>
      )}
      {empty && query.data?.items.length === 0 && <p className="state">{empty}</p>}
    </>
  );
}

/**
 * A secret the server shows once (an API key, a webhook signing secret): read-only and selected
 * on focus so that it is copied whole, never retyped.
 */
export function ShownOnceSecret({
  id,
  label,
  value,
  children,
}: {
  id: string;
  label: string;
  value: string;
  children: ReactNode;
}) {
  return (
    <div role="status" className="message message-ok new-secret">
      <p>{children}</p>
      <label htmlFor={id}>{label}</label>
      <input id={id} className="secret" readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
    </div>
  );
}
