import createClient from 'openapi-fetch';
import type { paths } from './schema';

/** The public REST API, typed from docs/openapi.json; every call carries the signed-in key. */
export type Api = ReturnType<typeof createClient<paths>>;

/** Thrown for an answer that is not 2xx, with the API's error body when it has one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function createApi(key: string, onUnauthorized: () => void): Api {
  const api = createClient<paths>({ baseUrl: location.origin });
  api.use({
    onRequest({ request }) {
      request.headers.set('authorization', `Bearer ${key}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) onUnauthorized();
      return response;
    },
  });
  return api;
}

/** The body of a call that succeeded, or an ApiError naming what the API answered. */
export async function ok<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok && data !== undefined) return data;
  const body = (error ?? {}) as { error?: string; message?: string };
  throw new ApiError(
    response.status,
    body.error ?? String(response.status),
    body.message ?? response.statusText,
  );
}

/** Authenticated GET of a binary resource (the original file): the key never goes in a URL. */
export async function fetchBlob(key: string, url: string): Promise<Blob> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
    throw new ApiError(response.status, body.error ?? String(response.status), body.message ?? '');
  }
  return response.blob();
}
