// How lessons refer to each other and to pictures. Browser-safe: no Node built-ins.

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** `m2-indicators.md` or `./m2-indicators.md#part` → file `m2-indicators.md`, key and fragment; else undefined. */
export function lessonLink(href: string): { fileName: string; key: string; fragment: string } | undefined {
  const match = /^(?:\.\/)?([^/\\?#:]+)\.md(#.*)?$/i.exec(href);
  if (!match) return undefined;
  return { fileName: `${match[1]}.md`, key: match[1], fragment: match[2] ?? '' };
}

export const isExternal = (url: string) => /^https?:\/\//i.test(url);
export const hasScheme = (url: string) => SCHEME.test(url) || url.startsWith('//');

/**
 * A picture's path relative to the language folder (`../images/x.png` → `images/x.png`), as lessons sit in
 * `lessons/`. Undefined for absolute URLs and for paths that leave the language folder.
 */
export function lessonImagePath(src: string): string | undefined {
  if (hasScheme(src) || src.startsWith('/')) return undefined;
  const parts = ['lessons'];
  for (const raw of src.split(/[?#]/)[0].split('/')) {
    let part: string;
    try {
      part = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (part === '..') {
      if (!parts.pop()) return undefined;
    } else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.length > 0 ? parts.join('/') : undefined;
}
