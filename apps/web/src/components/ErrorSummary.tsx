import { useEffect, useRef } from 'react';

interface ErrorSummaryProps {
  title: string;
  /** Field errors (linked to their field) and form-level errors (no fieldId). */
  errors: { fieldId?: string; message: string }[];
  /** Changes on every failed submit, so focus comes back here each time. */
  attempt: number;
}

/** The list of what to fix, announced and focused after a failed submit; each links to its field. */
export function ErrorSummary({ title, errors, attempt }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
    // Focus on each failed attempt, not on every edit.
  }, [attempt]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="error-summary__title">{title}</h2>
      <ul>
        {errors.map((error, index) => (
          <li key={`${error.fieldId ?? 'form'}-${index}`}>
            {error.fieldId ? (
              <a
                href={`#${error.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(error.fieldId!)?.focus();
                }}
              >
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
