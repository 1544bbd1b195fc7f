import { ApiError } from '../lib/http';
import { useMessages } from '../lib/i18n';
import { messages, type SharedMessages } from './messages';

/** A readable sentence for an error, in the UI language (server texts may be in English only). */
export function describeError(error: unknown, t: SharedMessages): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t.networkError;
    if (error.status === 404) return t.notFound;
    if (error.status === 403) return t.forbidden;
    if (error.status === 429) return t.tooMany;
    if (error.status >= 500) return t.serverError;
  }
  return t.genericError;
}

interface ErrorNoticeProps {
  error: unknown;
  onRetry?: () => void;
  /** Overrides the sentence chosen from the status. */
  message?: string;
}

/** An error a component shows in place of what it could not load: announced, with a retry. */
export function ErrorNotice({ error, onRetry, message }: ErrorNoticeProps) {
  const t = useMessages(messages);
  const retryable = !(error instanceof ApiError) || error.status === 0 || error.status >= 500 || error.status === 429;
  return (
    <div className="notice notice--error" role="alert">
      <p>{message ?? describeError(error, t)}</p>
      {onRetry && retryable ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t.retry}
        </button>
      ) : null}
    </div>
  );
}
