import { createHash } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { MAX_IMAGE_BYTES } from '../courses/images';

/*
 * The HTTP edge: what every request passes before a controller sees it. Body limits per route, JSON read as
 * it streams (depth counted, bytes counted), raw uploads only where they belong, the cross-site check,
 * security headers and no-store on personal answers. Errors leave in the usual `{statusCode, error, message}`.
 */

export const MAX_JSON_DEPTH = 64;
const KB = 1024;
const MB = 1024 * KB;

export const BODY_LIMITS = {
  auth: 16 * KB,
  attempt: 64 * KB,
  admin: 64 * KB,
  courseDocument: 5 * MB,
  other: 64 * KB,
  zipImport: 20 * MB,
  picture: MAX_IMAGE_BYTES,
} as const;

const human = (n: number) => (n >= MB ? `${n / MB} MB` : `${n / KB} kB`);

function fail(res: Response, statusCode: number, message: string): void {
  if (res.headersSent) return;
  res.status(statusCode).json({ statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message });
}

/** The largest JSON body a route takes. */
export function jsonLimit(method: string, path: string): { limit: number; what: string } {
  if (path.startsWith('/api/auth/')) return { limit: BODY_LIMITS.auth, what: 'sign-in and account requests' };
  if (/\/quizzes\/[^/]+\/attempts$/.test(path)) return { limit: BODY_LIMITS.attempt, what: 'quiz attempts' };
  if ((method === 'POST' && path === '/api/admin/courses') || (method === 'PUT' && /^\/api\/admin\/courses\/[^/]+$/.test(path))) {
    return { limit: BODY_LIMITS.courseDocument, what: 'course documents' };
  }
  if (path.startsWith('/api/admin/')) return { limit: BODY_LIMITS.admin, what: 'admin actions' };
  return { limit: BODY_LIMITS.other, what: 'this request' };
}

/** Routes that take a raw body (not JSON), with the types they take and their limit. */
function rawRoute(method: string, path: string): { limit: number; types: RegExp; what: string } | undefined {
  if (method === 'PUT' && path === '/api/admin/certificate-settings/signature') {
    return { limit: BODY_LIMITS.picture, types: /^image\//, what: 'signature pictures' };
  }
  if (method !== 'POST') return undefined;
  if (path === '/api/admin/courses/import') return { limit: BODY_LIMITS.zipImport, types: /^application\/(zip|x-zip-compressed|octet-stream)$/, what: 'course zips' };
  if (/^\/api\/admin\/courses\/[^/]+\/assets$/.test(path)) return { limit: BODY_LIMITS.picture, types: /^image\//, what: 'pictures' };
  return undefined;
}

class EdgeError extends Error {
  constructor(readonly statusCode: number, message: string) {
    super(message);
  }
}

/**
 * Counts JSON nesting while the bytes arrive, so `[[[[…` is refused at level 65 without reading the rest.
 * Works on bytes: `"` and `\` never occur inside a UTF-8 multi-byte sequence.
 */
export class JsonDepthCounter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  constructor(private readonly max = MAX_JSON_DEPTH) {}

  /** False once the nesting went deeper than allowed. */
  push(chunk: Buffer): boolean {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) this.inString = false;
      } else if (c === 0x22) this.inString = true;
      else if (c === 0x5b || c === 0x7b) {
        if (++this.depth > this.max) return false;
      } else if (c === 0x5d || c === 0x7d) this.depth--;
    }
    return true;
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first string (value or key) that PostgreSQL cannot store: a NUL character or half of a surrogate pair. */
export function badText(value: unknown, path = ''): string | undefined {
  const check = (s: string, where: string) =>
    s.includes('\u0000') ? `${where || 'body'} must not contain NUL characters` : LONE_SURROGATE.test(s) ? `${where || 'body'} must not contain unpaired surrogates (broken Unicode)` : undefined;
  if (typeof value === 'string') return check(value, path);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = badText(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const where = path ? `${path}.${k}` : k;
      const found = check(k, `the key "${where}"`) ?? badText(v, where);
      if (found) return found;
    }
  }
  return undefined;
}

const hasBody = (req: Request) => req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
const mediaType = (req: Request) => (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();

/** Reads the body as it streams in, counting bytes (and JSON depth), and stops reading at the first breach. */
function readBody(req: Request, limit: number, what: string, depth?: JsonDepthCounter): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new EdgeError(413, `The request body is larger than the ${human(limit)} allowed for ${what}.`));
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (e: EdgeError) => {
      cleanup();
      // Whatever else arrives is thrown away unread; the connection closes after the answer.
      req.unpipe();
      req.resume();
      reject(e);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return stop(new EdgeError(413, `The request body is larger than the ${human(limit)} allowed for ${what}.`));
      if (depth && !depth.push(chunk)) return stop(new EdgeError(400, `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels.`));
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (e: Error) => {
      cleanup();
      reject(new EdgeError(400, `The request body could not be read (${e.message}).`));
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
    };
    const onAborted = () => onError(new Error('aborted'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

/** Replaces express's body parsers: JSON everywhere (limited per route), raw bodies only on the two upload routes. */
export function bodyReader(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' || !hasBody(req)) return next();
    const path = req.path;
    const type = mediaType(req);
    const raw = rawRoute(req.method, path);
    const onError = (e: unknown) => {
      if (e instanceof EdgeError) {
        res.setHeader('Connection', 'close');
        return fail(res, e.statusCode, e.message);
      }
      next(e);
    };
    if (raw && type !== 'application/json') {
      // Uploads are read only for a signed-in user: nobody else may make us hold megabytes.
      if (!req.session?.userId) {
        res.setHeader('Connection', 'close');
        return fail(res, 401, 'Sign in first.');
      }
      if (!raw.types.test(type)) return next();
      readBody(req, raw.limit, raw.what).then((body) => {
        req.body = body;
        next();
      }, onError);
      return;
    }
    if (type !== 'application/json' && !type.endsWith('+json')) {
      res.setHeader('Connection', 'close');
      return fail(res, 415, 'Send the request body as JSON (Content-Type: application/json).');
    }
    const { limit, what } = jsonLimit(req.method, path);
    readBody(req, limit, what, new JsonDepthCounter()).then((buf) => {
      let body: unknown;
      try {
        body = buf.length ? JSON.parse(buf.toString('utf8')) : {};
      } catch {
        return fail(res, 400, 'The request body is not valid JSON.');
      }
      // As body-parser's strict mode: a bare null, number or string is no request body.
      if (body === null || typeof body !== 'object') return fail(res, 400, 'The JSON body must be an object or an array.');
      const bad = badText(body);
      if (bad) return fail(res, 400, bad);
      req.body = body;
      next();
    }, onError);
  };
}

/** `%00` and broken Unicode in the address or query never reach a query. */
export function addressGuard(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/api/')) return next();
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return fail(res, 400, 'The address is not valid (broken percent-encoding).');
    }
    if (path.includes('\u0000') || LONE_SURROGATE.test(path)) return fail(res, 400, 'The address must not contain NUL characters or broken Unicode.');
    const bad = badText(req.query, 'query');
    if (bad) return fail(res, 400, bad.replace(/^query\./, 'query parameter ').replace(/^the key "query\./, 'the query parameter "'));
    next();
  };
}

const SIMPLE_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * Refuses cross-site state-changing requests (CSRF). This site is the origin of PUBLIC_URL or the request's
 * own Host. Browsers send Origin on every POST/PUT/PATCH/DELETE; JSON cannot be sent cross-site without a
 * CORS preflight, which we never grant, so scripts without Origin keep working.
 */
export function crossSiteGuard(publicUrl: string): RequestHandler {
  const publicOrigin = new URL(publicUrl).origin;
  const sameSite = (value: string, host: string | undefined) => {
    try {
      const u = new URL(value);
      return u.origin === publicOrigin || (!!host && u.host === host);
    } catch {
      return false;
    }
  };
  return (req: Request, res: Response, next: NextFunction) => {
    if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method)) return next();
    const host = req.headers.host;
    const origin = req.headers.origin;
    const referer = req.headers.referer;
    let refused: string | undefined;
    if (origin !== undefined) {
      if (!sameSite(origin, host)) refused = `the Origin header (${origin}) is not this site`;
    } else if (referer !== undefined) {
      if (!sameSite(referer, host)) refused = 'the Referer header is not this site';
    } else if (SIMPLE_TYPES.includes(mediaType(req))) {
      refused = `a ${mediaType(req)} request without Origin or Referer could come from another site's form`;
    }
    if (!refused && req.headers['sec-fetch-site'] === 'cross-site') refused = 'Sec-Fetch-Site says cross-site';
    if (refused) {
      res.setHeader('Connection', 'close');
      return fail(res, 403, `Cross-site request refused by the origin check: ${refused}.`);
    }
    next();
  };
}

/** helmet with a CSP the web app and the verify page pass; HSTS only behind an HTTPS proxy. */
export function securityHeaders(opts: { trustProxy: boolean }): RequestHandler {
  const withCsp = helmetFor(opts, true);
  // A certificate PDF is no page: a CSP on it can keep some browsers' PDF viewers from showing it.
  const withoutCsp = helmetFor(opts, false);
  return (req, res, next) => (/^\/api\/certificates\/[^/]+\/pdf$/.test(req.path) ? withoutCsp : withCsp)(req, res, next);
}

function helmetFor(opts: { trustProxy: boolean }, csp: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: csp && {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        workerSrc: ["'self'"],
        styleSrc: ["'self'"],
        // Lessons may show https pictures and videos from elsewhere (render-markdown allows them); nothing runs from them.
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        mediaSrc: ["'self'", 'https:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(opts.trustProxy ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // The CSRF check falls back to Referer: keep the origin in it for our own requests.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: opts.trustProxy ? { maxAge: 15552000, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
    // Older browsers that ignore frame-ancestors.
    xFrameOptions: { action: 'deny' },
    // Certificates and pictures may be opened from links in mail and other sites.
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
}

/**
 * Server-rendered pages (the verify page) carry their own `<style>`: its hash joins the CSP of that answer,
 * so the policy stays free of 'unsafe-inline' whatever the page's styles become.
 */
export function inlineStyleHashes(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/verify/')) return next();
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (typeof body === 'string' && body.includes('<style')) {
        const csp = res.getHeader('Content-Security-Policy');
        const hashes = [...body.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
        if (typeof csp === 'string' && hashes.length) res.setHeader('Content-Security-Policy', csp.replace(/style-src 'self'/, `style-src 'self' ${hashes.join(' ')}`));
      }
      return send(body);
    };
    next();
  };
}

/**
 * API answers are personal unless they are the public catalogue, a public course outline, a verification or
 * a picture: those keep their own caching; everything else is `no-store`.
 */
export function noStore(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/api/')) return next();
    const anonymous = !req.session?.userId;
    const isPublic =
      (req.method === 'GET' || req.method === 'HEAD') &&
      (req.path.startsWith('/api/assets/') ||
        req.path.startsWith('/api/verify/') ||
        req.path.startsWith('/api/docs') ||
        req.path === '/api/health' ||
        (anonymous && /^\/api\/courses(\/[^/]+)?\/?$/.test(req.path)));
    if (!isPublic) res.setHeader('Cache-Control', 'no-store');
    next();
  };
}
