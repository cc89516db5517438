import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ShortcutHelp, isTypingTarget } from './shortcut-help.tsx';

/**
 * ? and / on every page. The review pages handle their own keys first (their listeners are
 * registered before this one, and they mark the keys they used with preventDefault).
 */
export function GlobalShortcuts() {
  const [showHelp, setShowHelp] = useState(false);
  const navigate = useNavigate();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
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
