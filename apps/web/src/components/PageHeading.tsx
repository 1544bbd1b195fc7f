import { useEffect, type ReactNode } from 'react';
import { focusHeadingIfReady } from '../lib/route-focus';
import { useMessages } from '../lib/i18n';
import { messages } from './messages';

interface PageHeadingProps {
  children?: ReactNode;
  /** Plain text of the heading, for the document title (defaults to children when a string). */
  title?: string;
  /** While true, a placeholder of the heading's height stands in for the text. */
  loading?: boolean;
  lang?: string;
}

/** The page's one h1: takes focus after a route change, names the document. */
export function PageHeading({ children, title, loading = false, lang }: PageHeadingProps) {
  const t = useMessages(messages);
  const text = title ?? (typeof children === 'string' ? children : '');

  useEffect(() => {
    if (loading) return;
    document.title = text ? `${text} · eCampus` : 'eCampus';
    focusHeadingIfReady();
  }, [loading, text]);

  return (
    <h1 tabIndex={-1} data-ready={loading ? 'false' : 'true'} lang={lang} className="page-heading">
      {loading ? (
        <>
          <span className="skeleton skeleton--heading" aria-hidden="true" />
          <span className="visually-hidden">{t.loading}</span>
        </>
      ) : (
        children
      )}
    </h1>
  );
}
