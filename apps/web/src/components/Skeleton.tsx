import { useMessages } from '../lib/i18n';
import { messages } from './messages';

interface SkeletonProps {
  /** Number of placeholder lines. */
  lines?: number;
  /** A class that fixes the block's height (e.g. skeleton--card) so nothing moves when data arrives. */
  className?: string;
}

/** A placeholder of fixed height while something loads; screen readers hear "Loading…" once. */
export function Skeleton({ lines = 3, className = '' }: SkeletonProps) {
  const t = useMessages(messages);
  return (
    <div className={`skeleton-block ${className}`} aria-busy="true">
      <span className="visually-hidden">{t.loading}</span>
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="skeleton skeleton--line" aria-hidden="true" />
      ))}
    </div>
  );
}
