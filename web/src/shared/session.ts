/**
 * The signed-in person: the bearer token the API issued and what the page needs to route by.
 * Kept in sessionStorage (gone with the tab), never in a URL.
 */
export interface Session {
  readonly token: string;
  readonly role: string;
  readonly sub: string;
}

const KEY = 'gx-workbench-session';

export function currentSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  return raw ? (JSON.parse(raw) as Session) : null;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}

/** The claims a token carries (its payload, read without verifying: the API verifies). */
function claimsOf(token: string): { role?: string; sub?: string; counties?: string[] } | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    return JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as {
      role?: string;
      sub?: string;
      counties?: string[];
    };
  } catch {
    return null;
  }
}

/** The counties the signed-in person's token names (their scope), for a page's first choice. */
export function sessionCounties(session: Session | null): string[] {
  return (session && claimsOf(session.token)?.counties) || [];
}

/** The role and subject a token names (its payload, read without verifying: the API verifies). */
export function sessionFromToken(token: string): Session | null {
  const claims = claimsOf(token);
  return claims?.role && claims.sub ? { token, role: claims.role, sub: claims.sub } : null;
}

/** The identity provider's redirect back carries the token in the fragment (never sent to a server). */
export function takeTokenFromRedirect(): void {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const token = fragment.get('access_token');
  if (!token) return;
  const session = sessionFromToken(token);
  if (session) saveSession(session);
  window.history.replaceState(null, '', window.location.pathname);
}
