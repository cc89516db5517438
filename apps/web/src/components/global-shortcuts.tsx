import { useLayoutEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ShortcutHelp, isTypingTarget } from './shortcut-help.tsx';

/**
 * ? and / on every page. The review pages (marked data-own-shortcuts) handle every key themselves.
 */
export function GlobalShortcuts() {
  const [showHelp, setShowHelp] = useState(false);
  const navigate = useNavigate();
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
        void navigate('/queue', { state: { focusSearch: true } });
      } else if (e.key === 'Escape') {
        setShowHelp(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
  return showHelp ? <ShortcutHelp onClose={() => setShowHelp(false)} /> : null;
}
