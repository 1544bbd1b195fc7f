import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '@ecampus/contracts';

/** What the page's first data depends on besides its path: the query string, the interface language, a session. */
export interface PageRequest {
  query: URLSearchParams;
  /** The interface language the app will start in: its cookie (apps/web/src/lib/i18n.tsx), else Accept-Language. */
  uiLanguage: 'es' | 'en';
  signedIn: boolean;
}

/** The app's own choice of language (apps/web/src/lib/i18n.tsx): the saved one, else the browser's first es/en, else es. */
export function uiLanguageOf(cookieHeader: string | undefined, acceptLanguage: string | undefined): 'es' | 'en' {
  const saved = /(?:^|;\s*)ecampus_lang=(es|en)(?:;|$)/.exec(cookieHeader ?? '')?.[1];
  if (saved === 'es' || saved === 'en') return saved;
  for (const tag of (acceptLanguage ?? '').split(',')) {
    const base = tag.split(';')[0].trim().toLowerCase().split('-')[0];
    if (base === 'es' || base === 'en') return base;
  }
  return 'es';
}

/**
 * The catalogue's first read, as CataloguePage asks it: the `lang` filter from the address (`all`: none), else the
 * interface language; then `topic` and `q`, in that order, empty ones left out.
 */
function catalogueRead({ query, uiLanguage }: PageRequest): string {
  const lang = query.get('lang');
  const params = new URLSearchParams();
  const chosen = lang === 'all' ? undefined : lang && (LANGUAGES as readonly string[]).includes(lang) ? lang : uiLanguage;
  for (const [key, value] of [['lang', chosen], ['topic', query.get('topic')], ['q', query.get('q')]] as const) if (value) params.set(key, value);
  const qs = params.toString();
  return qs ? `/api/courses?${qs}` : '/api/courses';
}

/**
 * The app's pages, by path: the source module of each (the keys of Vite's manifest) and, for pages whose data
 * the path names, the API read the page starts with (only reads that change nothing).
 */
const PAGES: [RegExp, string, ((m: RegExpExecArray, req: PageRequest) => string[])?][] = [
  [/^\/$/, 'src/features/catalogue/CataloguePage.tsx', (_, req) => [catalogueRead(req), ...(req.signedIn ? ['/api/me/enrollments'] : [])]],
  [/^\/courses\/([^/]+)\/?$/, 'src/features/course/CoursePage.tsx', (m) => [`/api/courses/${m[1]}`]],
  [/^\/lessons\/([^/]+)\/?$/, 'src/features/lesson/LessonPage.tsx', (m) => [`/api/lessons/${m[1]}`]],
  [/^\/quizzes\/[^/]+\/?$/, 'src/features/quiz/QuizPage.tsx'],
  [/^\/my\/courses\/?$/, 'src/features/my-courses/MyCoursesPage.tsx'],
  [/^\/my\/certificates\/?$/, 'src/features/certificates/MyCertificatesPage.tsx'],
  [/^\/signin\/?$/, 'src/features/auth/SignInPage.tsx'],
  [/^\/signup\/?$/, 'src/features/auth/SignUpPage.tsx'],
];

interface ManifestEntry {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}

/**
 * index.html for a path, naming the page's own code for the browser to fetch at once (modulepreload), and the
 * signed-in user's record: on a slow line these then travel beside the entry script instead of one round trip
 * after it. Pages it does not know get index.html as built.
 */
export class PagePreloads {
  private readonly cache = new Map<string, string>();
  private readonly manifest: Record<string, ManifestEntry> | null;

  constructor(private readonly webDir: string) {
    const file = join(webDir, '.vite/manifest.json');
    this.manifest = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestEntry>) : null;
  }

  /** The page's HTML, or null when the web app is not built. */
  html(path: string, req: PageRequest = { query: new URLSearchParams(), uiLanguage: 'es', signedIn: false }): string | null {
    let match: RegExpExecArray | null = null;
    const found = PAGES.find(([pattern]) => (match = pattern.exec(path)));
    const page = found?.[1] ?? '';
    let html = this.cache.get(page);
    if (html === undefined) {
      const index = join(this.webDir, 'index.html');
      if (!existsSync(index)) return null;
      const built = readFileSync(index, 'utf8');
      html = page && this.manifest ? built.replace('</head>', `${this.links(this.manifest, page)}  </head>`) : built;
      this.cache.set(page, html);
    }
    // Path segments arrive percent-encoded, as the app encodes them in its own request; a query is URLSearchParams'.
    const reads = (found?.[2] && match ? found[2](match, req) : []).filter((url) => /^\/api\/[\w%.~/-]+(\?[\w%.~=&+-]*)?$/.test(url));
    return reads.length
      ? html.replace('</head>', `${reads.map((url) => `  <link rel="preload" as="fetch" crossorigin href="${url.replace(/&/g, '&amp;')}">\n`).join('')}  </head>`)
      : html;
  }

  private links(manifest: Record<string, ManifestEntry>, page: string): string {
    const closure = (key: string | undefined, into = new Set<string>()) => {
      const e = key ? manifest[key] : undefined;
      if (!e || into.has(key!)) return into;
      into.add(key!);
      for (const i of e.imports ?? []) closure(i, into);
      return into;
    };
    const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
    // What the entry script already brings needs no second mention.
    const known = closure(entryKey);
    const needed = [...closure(page)].filter((k) => !known.has(k));
    const entryCss = new Set([...known].flatMap((k) => manifest[k].css ?? []));
    const styles = [...new Set(needed.flatMap((k) => manifest[k].css ?? []))].filter((f) => !entryCss.has(f));
    return [
      ...needed.map((k) => `    <link rel="modulepreload" crossorigin href="/${manifest[k].file}">\n`),
      ...styles.map((f) => `    <link rel="stylesheet" crossorigin href="/${f}">\n`),
      // The app asks who is signed in before anything else: the same URL, mode and credentials as its fetch.
      `    <link rel="preload" as="fetch" crossorigin href="/api/me">\n`,
    ].join('');
  }
}
