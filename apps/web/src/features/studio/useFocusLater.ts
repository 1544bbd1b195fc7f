import { useCallback, useEffect, useRef } from 'react';

/**
 * Focuses a control once it is on the page: after an edit that renders it (a new entry, a cover's description),
 * the next render that holds an element with that id gives it the focus. `select` also selects its text.
 */
export function useFocusLater(): (id: string, select?: boolean) => void {
  const pending = useRef<{ id: string; select: boolean } | null>(null);
  useEffect(() => {
    const target = pending.current;
    if (!target) return;
    const element = document.getElementById(target.id) as HTMLInputElement | null;
    if (!element) return;
    pending.current = null;
    element.focus();
    if (target.select) element.select?.();
  });
  return useCallback((id: string, select = false) => {
    pending.current = { id, select };
  }, []);
}
