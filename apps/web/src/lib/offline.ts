import { createStore, del, entries, get, set } from 'idb-keyval';
import type { OfflineBundleDto } from '@ecampus/contracts';
import { ApiError, http } from './http';

/*
 * Studying with no connection. "Download for offline" stores a course's reads (outline, lessons, module checks,
 * pictures) in the Cache Storage the service worker answers from when the line is down (src/sw.ts). What the
 * learner does meanwhile (a lesson done, a check answered) is queued in IndexedDB with an id made here, and sent
 * when the line comes back: the lesson route is idempotent and a check attempt carries its id, so a replay never
 * counts twice. The final quiz is drawn and scored per attempt by the server: it needs a connection.
 */

/** The Cache Storage name the service worker reads: keep in step with src/sw.ts. */
export const OFFLINE_CACHE = 'ecampus-offline-v1';
/** Reads every offline page needs besides the course's own. */
const SHARED_READS = ['/api/me', '/api/me/enrollments'];

export interface SavedCourse {
  slug: string;
  version: string;
  bytes: number;
  urls: string[];
  savedAt: string;
}

export interface QueuedAction {
  id: string;
  /** Whose action it is: sent only while that person is signed in. */
  userId: string;
  path: string;
  body?: Record<string, unknown>;
  createdAt: string;
}

const saved = () => createStore('ecampus-offline', 'courses');
const queue = () => createStore('ecampus-queue', 'actions');
export const QUEUE_EVENT = 'ecampus:queue';

export const offlineSupported = () => typeof caches !== 'undefined' && typeof indexedDB !== 'undefined' && 'serviceWorker' in navigator;

export function offlineBundle(slug: string): Promise<OfflineBundleDto> {
  return http(`/api/courses/${encodeURIComponent(slug)}/offline`);
}

export function savedCourse(slug: string): Promise<SavedCourse | undefined> {
  return get<SavedCourse>(slug, saved());
}

/** Fetches and stores every file of the bundle; `onProgress` gets the bytes stored so far. */
export async function saveCourse(bundle: OfflineBundleDto, onProgress: (bytes: number) => void): Promise<SavedCourse> {
  const cache = await caches.open(OFFLINE_CACHE);
  let done = 0;
  for (const file of [...bundle.files, ...SHARED_READS.map((url) => ({ url, bytes: 0 }))]) {
    const response = await fetch(file.url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).catch(() => {
      throw new ApiError(0, 'Network Error', []);
    });
    if (!response.ok) throw new ApiError(response.status, response.statusText, []);
    await cache.put(file.url, response);
    done += file.bytes;
    onProgress(done);
  }
  const record: SavedCourse = { slug: bundle.slug, version: bundle.version, bytes: bundle.bytes, urls: bundle.files.map((f) => f.url), savedAt: new Date().toISOString() };
  await set(bundle.slug, record, saved());
  return record;
}

export async function removeCourse(slug: string): Promise<void> {
  const record = await savedCourse(slug);
  if (!record) return;
  const cache = await caches.open(OFFLINE_CACHE);
  await Promise.all(record.urls.map((url) => cache.delete(url)));
  await del(slug, saved());
}

/** On sign-out: the next person to use this phone does not see this learner's copies. Queued actions stay theirs. */
export async function forgetSavedCourses(): Promise<void> {
  if (!offlineSupported()) return;
  await caches.delete(OFFLINE_CACHE);
  for (const [slug] of await entries<string, SavedCourse>(saved())) await del(slug, saved());
}

export async function enqueue(action: Omit<QueuedAction, 'createdAt'>): Promise<void> {
  await set(action.id, { ...action, createdAt: new Date().toISOString() }, queue());
  window.dispatchEvent(new CustomEvent(QUEUE_EVENT));
}

export async function pendingActions(userId: string): Promise<QueuedAction[]> {
  if (typeof indexedDB === 'undefined') return [];
  const all = await entries<string, QueuedAction>(queue());
  return all.map(([, a]) => a).filter((a) => a.userId === userId).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

let flushing: Promise<number> | null = null;

/**
 * Sends this user's queued actions in the order they were made. Stops at the first network failure (the line is
 * still down); an answer from the server, even a refusal (the course changed, the item is gone), ends the action.
 * Returns how many were sent.
 */
export function flushQueue(userId: string): Promise<number> {
  flushing ??= (async () => {
    let sent = 0;
    try {
      for (const action of await pendingActions(userId)) {
        try {
          await http(action.path, { method: 'POST', body: action.body });
        } catch (e) {
          if (e instanceof ApiError && (e.status === 0 || e.status >= 500 || e.status === 401)) break;
        }
        await del(action.id, queue());
        sent++;
      }
    } finally {
      flushing = null;
      window.dispatchEvent(new CustomEvent(QUEUE_EVENT));
    }
    return sent;
  })();
  return flushing;
}

export const isOffline = (error: unknown) => error instanceof ApiError && error.status === 0;

/** What a write that could not reach the server became: queued on the phone. */
export class QueuedOffline extends Error {
  constructor() {
    super('Saved on this phone; it will be sent when the connection is back.');
    this.name = 'QueuedOffline';
  }
}

/** A random id (UUID v4) for a queued action; crypto.randomUUID needs a secure context, which a LAN address is not. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
