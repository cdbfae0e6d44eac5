/**
 * The one way the web app talks to the server: same-origin fetch with the session cookie,
 * the CSRF token on writes, and the server's single error format turned into ApiError.
 */
import type { FormInstance } from 'antd';
import i18next from 'i18next';
import { errorText, fieldText, type Translator } from './errors.js';

export interface FieldProblem {
  path: string;
  in?: string;
  /** English, for logs and API users; show fieldText() instead. */
  message: string;
  code?: string;
  params?: Record<string, unknown>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly params?: Record<string, unknown>,
  ) {
    super(message);
  }
}

let csrfToken: Promise<string> | undefined;

function fetchCsrf(): Promise<string> {
  csrfToken ??= fetch('/api/csrf', { credentials: 'include' })
    .then((r) => r.json() as Promise<{ token: string }>)
    .then((b) => b.token)
    .catch((e: unknown) => {
      csrfToken = undefined;
      throw e;
    });
  return csrfToken;
}

export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, retried = false): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A file goes as its raw bytes (an upload); anything else as JSON.
  const raw = body instanceof Blob;
  if (body !== undefined) headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = await fetchCsrf();
  let res: Response;
  try {
    res = await fetch(path, { method, credentials: 'include', headers, body: body === undefined ? undefined : raw ? body : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', 'network error');
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; params?: Record<string, unknown>; fields?: FieldProblem[] } } | null;
  if (res.ok) return data as T;
  // A stale CSRF secret (cookie cleared, server restarted) gets one fresh token and one retry.
  if (res.status === 403 && !retried && method !== 'GET' && /csrf/i.test(data?.error?.message ?? '')) {
    csrfToken = undefined;
    return api<T>(method, path, body, true);
  }
  const err = data?.error;
  throw new ApiError(res.status, err?.code ?? String(res.status), err?.message ?? res.statusText, err?.fields ?? [], err?.params);
}

/** The app's i18next in the shape the pure translators take (web/src/app/errors.ts). */
const ui: Translator = {
  get language() {
    return i18next.language ?? 'en';
  },
  t: (key, options) => i18next.t(key, options as never) as unknown as string,
  exists: (key) => i18next.exists(key),
};

/** A field problem in the reader's language (by its code; the server's text only for unknown codes). */
export function problemText(problem: FieldProblem, err?: ApiError): string {
  return fieldText(ui, problem, err?.code);
}

/** An API error as one line for an alert or toast, in the reader's language. */
export function apiErrorText(err: ApiError): string {
  return errorText(ui, err);
}

/**
 * Puts a 400/409's field problems under the matching form fields. Returns true when at least
 * one problem found its field, so the caller knows whether to show a general message too.
 * Problems are translated by code; `words` overrides known cases, keyed "field:code".
 */
export function showFieldErrors(form: FormInstance, err: unknown, known: readonly string[], words: Record<string, string> = {}): boolean {
  if (!(err instanceof ApiError) || !err.fields.length) return false;
  const entries = err.fields
    .map((f) => {
      const name = f.path.split('.')[0] ?? '';
      return { name, errors: [words[`${name}:${f.code ?? err.code}`] ?? words[`${name}:${err.code}`] ?? problemText(f, err)] };
    })
    .filter((f) => known.includes(f.name));
  if (entries.length) form.setFields(entries);
  return entries.length > 0;
}
