import type { ApiErrorDto } from '@ecampus/contracts';

/** An error answer from the API (or the network), with its HTTP status (0 when the network failed). */
export class ApiError extends Error {
  readonly status: number;
  readonly error: string;
  /** The server's messages: a string or a list of strings in the wire format, always a list here. */
  readonly messages: string[];

  constructor(status: number, error: string, messages: string[]) {
    super(messages[0] ?? error);
    this.name = 'ApiError';
    this.status = status;
    this.error = error;
    this.messages = messages;
  }
}

export const UNAUTHORIZED_EVENT = 'ecampus:unauthorized';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A file sent as the request body itself (a picture, a zip), with its content type. */
  raw?: { data: Blob; type: string };
  query?: Record<string, string | undefined | null>;
  /** Extra request headers (e.g. If-Match). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * A 401 normally means "the session is gone": the app sends the user to sign in and back.
   * Calls where a 401 is an expected answer (who am I, sign in) opt out.
   */
  expect401?: boolean;
}

export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, value);
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isApiErrorDto(value: unknown): value is ApiErrorDto {
  return typeof value === 'object' && value !== null && 'statusCode' in value && 'message' in value;
}

/** JSON over fetch, same-origin cookies; throws ApiError for any non-2xx answer. */
export async function http<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, raw, query, signal, expect401 = false } = options;
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (raw) headers['Content-Type'] = raw.type;

  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      headers,
      body: raw ? raw.data : body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'Network Error', []);
  }

  if (response.status === 204) return undefined as T;

  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }

  if (!response.ok) {
    if (response.status === 401 && !expect401) {
      window.dispatchEvent(new CustomEvent(UNAUTHORIZED_EVENT));
    }
    if (isApiErrorDto(data)) {
      const messages = Array.isArray(data.message) ? data.message : [data.message];
      throw new ApiError(response.status, data.error ?? response.statusText, messages.filter(Boolean));
    }
    throw new ApiError(response.status, response.statusText, []);
  }
  return data as T;
}
