import { useLayoutEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ShortcutHelp, isTypingTarget } from './shortcut-help.tsx';

/**
 * ? and / on every page. The review pages (marked data-own-shortcuts) handle every key themselves.
 */
export function GlobalShortcuts() {
  const [showHelp, setShowHelp] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  // Layout effect: the keys work from the first paint on, not a scheduler tick later.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      if (document.querySelector('[data-own-shortcuts]')) return;
      if (e.key === '?') {
        e.preventDefault();
        setShowHelp((open) => !open);
      } else if (e.key === '/') {
        e.preventDefault();
        // The search page, its box focused (a new key each time, so pressing / there focuses it again).
        void navigate(location.pathname === '/search' ? `/search${location.search}` : '/search', {
          state: { focusSearch: Date.now() },
        });
      } else if (e.key === 'Escape') {
        setShowHelp(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, location]);
  return showHelp ? <ShortcutHelp onClose={() => setShowHelp(false)} /> : null;
}
