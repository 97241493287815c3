/** What the pages read from a bearer token's payload. The server verifies the token; this only decides what to show. */
export interface TokenClaims {
  readonly sub: string;
  readonly roles: readonly string[];
  /** Seconds since the epoch, as in the token. */
  readonly exp?: number;
}

const base64UrlDecode = (part: string): string => {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
};

/** Reads the roles from a token's payload (with an OIDC provider: its claim path and role map). */
export type RolesReader = (payload: Record<string, unknown>) => readonly string[];

const ownRoles: RolesReader = (payload) =>
  Array.isArray(payload.roles) ? payload.roles.filter((role): role is string => typeof role === 'string') : [];

/** The claims of a JWT, or undefined when it is not one. */
export const claimsOf = (token: string, rolesOf: RolesReader = ownRoles): TokenClaims | undefined => {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(base64UrlDecode(parts[1])) as { sub?: unknown; exp?: unknown };
    if (typeof payload !== 'object' || payload === null || typeof payload.sub !== 'string') return undefined;
    const roles = rolesOf(payload as Record<string, unknown>);
    return { sub: payload.sub, roles, ...(typeof payload.exp === 'number' && { exp: payload.exp }) };
  } catch {
    return undefined;
  }
};

export const isExpired = (claims: TokenClaims, nowMs: number): boolean => claims.exp !== undefined && claims.exp * 1000 <= nowMs;

/** The token in a URL fragment (`#access_token=…`) and the fragment without it. */
export const tokenInFragment = (hash: string): { token?: string; rest: string } => {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('access_token') ?? undefined;
  params.delete('access_token');
  const rest = params.toString();
  return { ...(token && { token }), rest: rest ? `#${rest}` : '' };
};
