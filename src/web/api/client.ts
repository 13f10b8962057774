import type { FieldError } from './types.ts';

/**
 * The one way the web app talks to the server: same-origin cookies, the CSRF token on every change, JSON or
 * multipart bodies, and `application/problem+json` failures turned into an ApiError with a Chinese `detail`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly field: string | undefined;
  readonly errors: FieldError[];

  constructor(status: number, title: string, detail: string, field?: string, errors: FieldError[] = []) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.field = field;
    this.errors = errors.length > 0 || !field ? errors : [{ field, message: detail }];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The message to show for any failure: the server's Chinese detail, or a plain sentence. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error && error.name === 'AbortError') return '请求已取消';
  return '操作失败，请稍后重试';
}

let csrfToken: string | null = null;
let unauthorizedHandler: ((detail: string) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request comes back 401: the session ended, so the app returns to the login page. */
export function setUnauthorizedHandler(handler: ((detail: string) => void) | null): void {
  unauthorizedHandler = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x` from an object, leaving out empty values. */
export function buildQuery(params: Record<string, QueryValue> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** A JSON body. */
  body?: unknown;
  /** A multipart body (file uploads); the browser sets the boundary. */
  form?: FormData;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Login and the session probe handle 401 themselves instead of returning to the login page. */
  noAuthRedirect?: boolean;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function problemOf(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as {
        title?: string;
        detail?: string;
        field?: string;
        errors?: FieldError[];
      };
      return new ApiError(
        response.status,
        body.title ?? '请求失败',
        body.detail ?? `请求失败（HTTP ${response.status}）`,
        body.field,
        Array.isArray(body.errors) ? body.errors : [],
      );
    } catch {
      // fall through to the generic message
    }
  }
  if (response.status === 502 || response.status === 503 || response.status === 504) {
    return new ApiError(response.status, '服务暂不可用', '服务器暂时无法访问，请稍后重试');
  }
  return new ApiError(response.status, '请求失败', `请求失败（HTTP ${response.status}）`);
}

async function send(method: string, url: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (MUTATING.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url + buildQuery(options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw new ApiError(0, '网络错误', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (problem.status === 401 && !options.noAuthRedirect) unauthorizedHandler?.(problem.detail);
    throw problem;
  }
  return response;
}

export async function request<T>(method: string, url: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, url, options);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(url: string, query?: Record<string, QueryValue>, options: Omit<RequestOptions, 'query'> = {}) =>
    request<T>('GET', url, { ...options, query }),
  post: <T>(url: string, body?: unknown, options: RequestOptions = {}) => request<T>('POST', url, { ...options, body }),
  put: <T>(url: string, body?: unknown, options: RequestOptions = {}) => request<T>('PUT', url, { ...options, body }),
  patch: <T>(url: string, body?: unknown, options: RequestOptions = {}) =>
    request<T>('PATCH', url, { ...options, body }),
  del: <T>(url: string, options: RequestOptions = {}) => request<T>('DELETE', url, options),
  upload: <T>(url: string, file: File, field = 'file', options: RequestOptions = {}) => {
    const form = new FormData();
    form.append(field, file, file.name);
    return request<T>('POST', url, { ...options, form });
  },
};

/** The file name from `Content-Disposition: attachment; filename*=UTF-8''…`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      return fallback;
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/**
 * Download a file the server generates. Fetched first so a failure shows its Chinese message instead of a page of
 * JSON, then handed to the browser under the server's file name.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<string> {
  const response = await send('GET', url, { headers: { Accept: '*/*' } });
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}
