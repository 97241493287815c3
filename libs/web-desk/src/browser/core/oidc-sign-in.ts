/// <reference lib="dom" />
/**
 * Signing in through an OpenID Connect provider: authorization code with PKCE (RFC 7636, S256), as a
 * public client. The verifier and state stay in this tab's sessionStorage until the provider sends the
 * reader back; the code is taken out of the address bar at once and exchanged for the access token.
 */

/** `GET /desk/config.json` (libs/web-desk desk-config.ts). */
export interface DeskConfig {
  readonly roles: { readonly claim: string; readonly map?: Readonly<Record<string, string>> };
  readonly signIn?: {
    readonly issuer: string;
    readonly authorizationEndpoint: string;
    readonly tokenEndpoint: string;
    readonly clientId: string;
    readonly scope: string;
  };
}
export type ProviderSignIn = NonNullable<DeskConfig['signIn']>;

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** 32 random bytes: a 43-character verifier or state (RFC 7636 §4.1 asks for 43 to 128). */
export const randomSecret = (random: Pick<Crypto, 'getRandomValues'> = crypto): string =>
  base64url(random.getRandomValues(new Uint8Array(32)));

/** `BASE64URL(SHA256(verifier))`, the S256 challenge. */
export const challengeOf = async (verifier: string, subtle: SubtleCrypto = crypto.subtle): Promise<string> =>
  base64url(new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(verifier))));

export const authorizationUrl = (signIn: ProviderSignIn, request: { redirectUri: string; state: string; challenge: string }): string => {
  const url = new URL(signIn.authorizationEndpoint);
  const query = {
    response_type: 'code',
    client_id: signIn.clientId,
    redirect_uri: request.redirectUri,
    scope: signIn.scope,
    state: request.state,
    code_challenge: request.challenge,
    code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
};

const RETURN_PARAMS = ['code', 'state', 'error', 'error_description', 'error_uri', 'session_state', 'iss'];

/** What the provider sent back in the query, and the query without it (to put back in the address bar). */
export const providerReturn = (search: string): { code?: string; state?: string; error?: string; rest: string } => {
  const params = new URLSearchParams(search);
  const [code, state, error] = ['code', 'state', 'error'].map((name) => params.get(name) ?? undefined);
  for (const name of RETURN_PARAMS) params.delete(name);
  const rest = params.toString();
  return { ...(code && { code }), ...(state && { state }), ...(error && { error }), rest: rest ? `?${rest}` : '' };
};

/** The reader's roles from a token's payload, as the server reads them: a dotted claim path, through the map when there is one. */
export const rolesIn = (payload: unknown, roles: DeskConfig['roles']): string[] => {
  const value = roles.claim.split('.').reduce<unknown>((at, key) => {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined;
    return Object.prototype.hasOwnProperty.call(at, key) ? (at as Record<string, unknown>)[key] : undefined;
  }, payload);
  const names = Array.isArray(value) ? value : typeof value === 'string' ? value.split(' ') : [];
  const strings = names.filter((name): name is string => typeof name === 'string');
  const { map } = roles;
  return map ? strings.filter((name) => Object.prototype.hasOwnProperty.call(map, name)).map((name) => map[name]) : strings;
};
