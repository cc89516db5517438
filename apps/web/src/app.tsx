import { useQuery } from '@tanstack/react-query';
import { type ReactElement, Suspense, lazy } from 'react';
import { NavLink, Navigate, Route, Routes, useLocation } from 'react-router';
import { sessionQuery, useLogout } from './api/queries.ts';
import { GlobalShortcuts } from './components/global-shortcuts.tsx';
import { ArticlesPage } from './pages/articles-page.tsx';
import { LoginPage } from './pages/login-page.tsx';

// Each page but the first screen (Articles, sign-in) is its own chunk, loaded when first opened,
// so the first screen downloads under 100 KB of compressed JavaScript.
const ArticlePage = lazy(() => import('./pages/article-page.tsx').then((m) => ({ default: m.ArticlePage })));
const QueuePage = lazy(() => import('./pages/queue-page.tsx').then((m) => ({ default: m.QueuePage })));
const FiguresPage = lazy(() => import('./pages/figures-page.tsx').then((m) => ({ default: m.FiguresPage })));
const UsersPage = lazy(() => import('./pages/users-page.tsx').then((m) => ({ default: m.UsersPage })));
const ImportPage = lazy(() => import('./pages/import-page.tsx').then((m) => ({ default: m.ImportPage })));
const KeysPage = lazy(() => import('./pages/keys-page.tsx').then((m) => ({ default: m.KeysPage })));
const SourcesPage = lazy(() => import('./pages/sources-page.tsx').then((m) => ({ default: m.SourcesPage })));
const SourcePage = lazy(() => import('./pages/sources-page.tsx').then((m) => ({ default: m.SourcePage })));
const PasswordPage = lazy(() => import('./pages/password-page.tsx').then((m) => ({ default: m.PasswordPage })));
const SearchPage = lazy(() => import('./pages/search-page.tsx').then((m) => ({ default: m.SearchPage })));
const WebhooksPage = lazy(() => import('./pages/webhooks-page.tsx').then((m) => ({ default: m.WebhooksPage })));

export function App() {
  const session = useQuery(sessionQuery);
  const logout = useLogout();
  if (session.isLoading)
    return (
      <p className="state" role="status">
        Loading claimdesk…
      </p>
    );
  if (session.isError)
    return (
      <p className="state" role="alert">
        claimdesk cannot reach its server: {session.error.message}
      </p>
    );
  if (!session.data) return <LoginPage />;
  const { user } = session.data;
  // After an admin's reset the one-time password opens one screen: choosing a new one.
  if (user.mustChangePassword)
    return (
      <main id="main" className="forced-password">
        <Suspense fallback={<p className="state">Loading…</p>}>
          <PasswordPage forced />
        </Suspense>
        <button type="button" className="btn-small" onClick={() => logout.mutate()}>
          Sign out
        </button>
      </main>
    );
  // Not ROLE_RANK from the contracts: importing a value from there would pull zod into the first screen's chunk.
  const canReview = user.role === 'editor' || user.role === 'admin';
  const isAdmin = user.role === 'admin';
  const adminOnly = (page: ReactElement) =>
    isAdmin ? (
      page
    ) : (
      <p className="state" role="alert">
        This page needs the admin role; you are {user.role}.
      </p>
    );
  return (
    <>
      <a href="#main" className="skip">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">claimdesk</span>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Articles
          </NavLink>
          <NavLink to="/queue">Review queue</NavLink>
          <NavLink to="/figures">Figures over time</NavLink>
          <NavLink to="/sources">Sources</NavLink>
          <NavLink to="/search" title="Search claims, sources and articles (/)">
            Search
          </NavLink>
          {isAdmin && <NavLink to="/admin/import">Import</NavLink>}
          {isAdmin && <NavLink to="/admin/users">Users</NavLink>}
          {isAdmin && <NavLink to="/admin/keys">API keys</NavLink>}
          {isAdmin && <NavLink to="/admin/webhooks">Webhooks</NavLink>}
        </nav>
        <span className="who">
          Signed in as <strong title={user.email}>{user.name || user.email}</strong> ({user.role})
          <NavLink to="/account/password" className="password-link">
            Password
          </NavLink>
          <button type="button" className="link" onClick={() => logout.mutate()}>
            Sign out
          </button>
        </span>
      </header>
      <main id="main">
        <Suspense
          fallback={
            <p className="state" role="status">
              Loading…
            </p>
          }
        >
          <Routes>
            <Route path="/" element={<ArticlesPage isAdmin={isAdmin} />} />
            <Route path="/articles" element={<MovedTo pathname="/" />} />
            <Route path="/import" element={<MovedTo pathname="/admin/import" />} />
            <Route path="/articles/:id" element={<ArticlePage canReview={canReview} isAdmin={isAdmin} />} />
            <Route path="/queue" element={<QueuePage />} />
            <Route path="/figures" element={<FiguresPage />} />
            <Route path="/sources" element={<SourcesPage />} />
            <Route path="/sources/:id" element={<SourcePage isAdmin={isAdmin} />} />
            <Route path="/search" element={<SearchPage />} />
            <Route path="/admin/import" element={adminOnly(<ImportPage />)} />
            <Route path="/admin/users" element={adminOnly(<UsersPage me={user} />)} />
            <Route path="/admin/keys" element={adminOnly(<KeysPage />)} />
            <Route path="/admin/webhooks" element={adminOnly(<WebhooksPage />)} />
            <Route path="/account/password" element={<PasswordPage />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </main>
      <GlobalShortcuts />
    </>
  );
}

function NotFound() {
  return (
    <div className="state" role="alert">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <NavLink to="/">Go to the articles</NavLink> or{' '}
        <NavLink to="/queue">the review queue</NavLink>.
      </p>
    </div>
  );
}

/** Addresses a user types from the page names (/articles, /import) lead to the page, filters kept. */
function MovedTo({ pathname }: { pathname: string }) {
  const { search } = useLocation();
  return <Navigate replace to={{ pathname, search }} />;
}
