/*
 * After a route change, focus goes to the new page's h1 and its text is announced, as soon as
 * the heading holds its real text (pages that load data show a placeholder first).
 */
let pending = false;
let announcer: HTMLElement | null = null;

export function setAnnouncer(element: HTMLElement | null): void {
  announcer = element;
}

export function announce(text: string): void {
  if (!announcer) return;
  // Clear first so the same text twice is announced twice.
  announcer.textContent = '';
  const target = announcer;
  window.setTimeout(() => {
    target.textContent = text;
  }, 50);
}

/** Called by the layout when the path changes. */
export function requestHeadingFocus(): void {
  pending = true;
  focusHeadingIfReady();
}

/** Called by the layout and by headings when they get their final text. */
export function focusHeadingIfReady(): void {
  if (!pending) return;
  const heading = document.querySelector<HTMLElement>('main h1[data-ready="true"]');
  if (!heading) return;
  pending = false;
  heading.focus({ preventScroll: false });
  announce(heading.textContent ?? '');
}
