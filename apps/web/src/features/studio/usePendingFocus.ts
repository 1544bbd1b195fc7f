import { useEffect } from 'react';
import { useEditor } from './editor-context';

/**
 * A link of the problem summary that leads to another view leaves the control to focus here. The focus moves
 * after the page heading took it (the layout focuses the new page's h1 first).
 */
export function usePendingFocus() {
  const { pendingFocus } = useEditor();
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    const timer = window.setTimeout(() => {
      const element = document.getElementById(target);
      element?.focus();
      element?.scrollIntoView({ block: 'center' });
    }, 60);
    return () => window.clearTimeout(timer);
  });
}
