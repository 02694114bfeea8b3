/**
 * The studio's only door to the server: JSON over fetch with the session cookie, the CSRF token
 * echoed on every change, and the server's error body turned into an `ApiError` the UI can show
 * (its sentence, the offending field's pointer, a flow's problems).
 */

export interface Problem {
  code: string;
  nodeId?: string;
  pointer: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly pointer?: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const SAFE = new Set(['GET', 'HEAD']);

/** The CSRF token the server set beside the session cookie. */
export function csrfToken(): string | undefined {
  const match = /(?:^|;\s*)waybill_csrf=([^;]+)/.exec(document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/** Called when the server says the session is gone, so the app can show the sign-in page. */
let onSignedOut: () => void = () => {};
export function whenSignedOut(listener: () => void): void {
  onSignedOut = listener;
}

/**
 * One API call. Resolves with the parsed JSON (undefined for 204); rejects with ApiError.
 *
 * @example
 * const { items } = await api<{ items: FlowRow[] }>('GET', '/api/flows');
 */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  const csrf = csrfToken();
  if (!SAFE.has(method) && csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Waybill did not answer; check that the server is running.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const parsed = parseJson(text);
  if (!res.ok) throw failureOf(res.status, parsed, path);
  return parsed as T;
}

/**
 * The bytes at a path, as a Blob, fetched with the session like `api` (reads need no CSRF token);
 * a refusal rejects with the server's sentence, as `api` does. For downloads the page saves itself,
 * so a missing file or an ended session shows as a message rather than a broken download.
 *
 * @example
 * const blob = await fetchBlob('/api/documents/doc_1/content');
 */
export async function fetchBlob(path: string): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Waybill did not answer; check that the server is running.');
  }
  if (!res.ok) throw failureOf(res.status, parseJson(await res.text()), path);
  return res.blob();
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function failureOf(status: number, parsed: unknown, path: string): ApiError {
  const error = (
    parsed as { error?: { code?: string; message?: string; pointer?: string; problems?: Problem[] } }
  )?.error;
  if (status === 401 && path !== '/api/auth/sign-in') onSignedOut();
  return new ApiError(
    status,
    error?.code ?? 'HTTP_ERROR',
    error?.message ?? `The server answered ${status}.`,
    error?.pointer,
    error?.problems ?? [],
  );
}

/**
 * A query string from the defined values of an object (arrays repeat the key).
 *
 * @example
 * query({ flowId: 'orders', status: ['failed'], q: undefined }); // '?flowId=orders&status=failed'
 */
export function query(values: Record<string, string | number | string[] | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
