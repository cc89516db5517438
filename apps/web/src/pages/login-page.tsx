import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { useLogin } from '../api/queries.ts';

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ email, password });
  };
  return (
    <main className="login">
      <h1>claimdesk</h1>
      <p>Sign in to review claims.</p>
      <form onSubmit={onSubmit} aria-label="Sign in">
        <label htmlFor="email">Email</label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
        />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <button type="submit" className="btn" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        {login.isError && (
          <p role="alert" className="message message-error">
            {login.error instanceof ApiError ? login.error.message : 'Sign-in failed.'}
          </p>
        )}
      </form>
    </main>
  );
}
