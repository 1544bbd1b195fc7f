import type { CoverDto, Language } from '@ecampus/contracts';

/** A course's cover picture with its size given, so the page keeps its space before it arrives. */
export function CoverImage({ cover, language, className, lazy = false }: { cover?: CoverDto; language: Language; className: string; lazy?: boolean }) {
  if (!cover) return null;
  return (
    <img
      className={className}
      src={cover.url}
      alt={cover.alt}
      lang={language}
      width={cover.width}
      height={cover.height}
      loading={lazy ? 'lazy' : undefined}
      decoding="async"
    />
  );
}
