import { useEffect, useState } from 'preact/hooks';

/** The console's own paths live under /console (the gateway answers index.html for each). */
export const BASE = '/console';

export type Route =
  | { page: 'inbox' }
  | { page: 'document'; id: string }
  | { page: 'upload' }
  | { page: 'batch'; id: string }
  | { page: 'records' }
  | { page: 'pipeline' }
  | { page: 'dead-letters' }
  | { page: 'jobs' }
  | { page: 'tenants' }
  | { page: 'not-found' };

export function parseRoute(pathname: string): Route {
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const parts = path.split('/').filter(Boolean);
  const [first, second] = parts;
  if (parts.length === 0) return { page: 'inbox' };
  if (first === 'documents' && second && parts.length === 2)
    return { page: 'document', id: second };
  if (first === 'batches' && second && parts.length === 2) return { page: 'batch', id: second };
  if (parts.length === 1 && first === 'upload') return { page: 'upload' };
  if (parts.length === 1 && first === 'records') return { page: 'records' };
  if (parts.length === 2 && first === 'ops') {
    if (
      second === 'pipeline' ||
      second === 'dead-letters' ||
      second === 'jobs' ||
      second === 'tenants'
    )
      return { page: second };
  }
  return { page: 'not-found' };
}

export function navigate(path: string): void {
  history.pushState(null, '', `${BASE}${path}`);
  dispatchEvent(new Event('docflow:navigate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname));
    addEventListener('popstate', update);
    addEventListener('docflow:navigate', update);
    return () => {
      removeEventListener('popstate', update);
      removeEventListener('docflow:navigate', update);
    };
  }, []);
  return route;
}

/** A link inside the console: a real href (open in a new tab works), navigation without reload. */
export function onLinkClick(event: MouseEvent, path: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  event.preventDefault();
  navigate(path);
}
