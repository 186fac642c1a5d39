/** Who signed in: a tenant's key (documents, records) or the admin key (operations). */
export type Role = 'tenant' | 'admin';

export interface Session {
  key: string;
  role: Role;
}

const STORAGE = 'docflow.console.session';

/** The session lives in sessionStorage: it ends with the tab and never appears in a URL. */
export function loadSession(): Session | null {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(STORAGE) ?? 'null') as Session | null;
    return parsed &&
      typeof parsed.key === 'string' &&
      (parsed.role === 'tenant' || parsed.role === 'admin')
      ? parsed
      : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(STORAGE, JSON.stringify(session));
  else sessionStorage.removeItem(STORAGE);
}

/**
 * Which key this is, asked of the public API: a tenant key may list documents; the admin key is
 * refused there with 403 (it manages tenants) and may list tenants. Null for an unknown key.
 */
export async function identify(key: string): Promise<Role | null> {
  const headers = { authorization: `Bearer ${key}` };
  const documents = await fetch('/v1/documents?limit=1', { headers });
  if (documents.ok) return 'tenant';
  if (documents.status === 403) {
    const tenants = await fetch('/v1/tenants', { headers });
    if (tenants.ok) return 'admin';
  }
  if (documents.status === 401 || documents.status === 403) return null;
  throw new Error(`${documents.status} ${documents.statusText}`);
}
