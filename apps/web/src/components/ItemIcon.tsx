import type { ItemType } from '@ecampus/contracts';

/** A decorative mark for a lesson (page) or a quiz (question); the text label goes beside it. */
export function ItemIcon({ type }: { type: ItemType }) {
  return (
    <svg className="icon item-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {type === 'quiz' ? (
        <>
          <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.5V14" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          <circle cx="12" cy="17" r="1.2" fill="currentColor" />
        </>
      ) : (
        <>
          <path d="M6 3h8l4 4v14H6z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
          <path d="M9 12h6M9 16h6" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </>
      )}
    </svg>
  );
}
