import { ROLE_RANK } from '@claimdesk/contracts';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { NavLink, Route, Routes } from 'react-router';
import { sessionQuery, useLogout } from './api/queries.ts';
import { GlobalShortcuts } from './components/global-shortcuts.tsx';
import { ArticlePage } from './pages/article-page.tsx';
import { ArticlesPage } from './pages/articles-page.tsx';
import { FiguresPage } from './pages/figures-page.tsx';
import { KeysPage } from './pages/keys-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { QueuePage } from './pages/queue-page.tsx';
import { UsersPage } from './pages/users-page.tsx';
import { WebhooksPage } from './pages/webhooks-page.tsx';

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
  const canReview = ROLE_RANK[user.role] >= ROLE_RANK.editor;
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
          {isAdmin && <NavLink to="/admin/users">Users</NavLink>}
          {isAdmin && <NavLink to="/admin/keys">API keys</NavLink>}
          {isAdmin && <NavLink to="/admin/webhooks">Webhooks</NavLink>}
        </nav>
        <span className="who">
          Signed in as <strong title={user.email}>{user.name || user.email}</strong> ({user.role})
          <button type="button" className="link" onClick={() => logout.mutate()}>
            Sign out
          </button>
        </span>
      </header>
      <main id="main">
        <Routes>
          <Route path="/" element={<ArticlesPage />} />
          <Route path="/articles/:id" element={<ArticlePage canReview={canReview} isAdmin={isAdmin} />} />
          <Route path="/queue" element={<QueuePage />} />
          <Route path="/figures" element={<FiguresPage />} />
          <Route path="/admin/users" element={adminOnly(<UsersPage me={user} />)} />
          <Route path="/admin/keys" element={adminOnly(<KeysPage />)} />
          <Route path="/admin/webhooks" element={adminOnly(<WebhooksPage />)} />
          <Route path="*" element={<NotFound />} />
        </Routes>
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
