import type { OidcOptions, OidcProviderMetadata } from './oidc-options';

export class OidcDiscoveryError extends Error {
  override readonly name = 'OidcDiscoveryError';
}

const DISCOVERY_TIMEOUT_MS = 10_000;

const fetchJson = async (url: string): Promise<Record<string, unknown>> => {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body: unknown = await response.json();
  if (typeof body !== 'object' || body === null) throw new Error('the answer is not a JSON object');
  return body as Record<string, unknown>;
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Reads `<issuer>/.well-known/openid-configuration` at start: the keys' address (unless
 * REGIE_OIDC_JWKS_URL gives it) and the endpoints the pages sign in with. A provider that cannot be
 * read, or that names another issuer (OpenID Connect Discovery §4.3), stops the start.
 */
export const discoverOidcProvider = async (options: OidcOptions): Promise<OidcProviderMetadata> => {
  if (options.jwksUrl && !options.clientId) return { issuer: options.issuer, jwksUri: options.jwksUrl };
  const url = `${options.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let metadata: Record<string, unknown>;
  try {
    metadata = await fetchJson(url);
  } catch (error) {
    throw new OidcDiscoveryError(`could not read the OpenID configuration at ${url}: ${(error as Error).message}`);
  }
  if (metadata.issuer !== options.issuer) {
    throw new OidcDiscoveryError(`${url} names the issuer ${String(metadata.issuer)}, not REGIE_OIDC_ISSUER (${options.issuer})`);
  }
  const jwksUri = options.jwksUrl ?? text(metadata.jwks_uri);
  if (!jwksUri) throw new OidcDiscoveryError(`${url} gives no jwks_uri: set REGIE_OIDC_JWKS_URL`);
  const authorizationEndpoint = text(metadata.authorization_endpoint);
  const tokenEndpoint = text(metadata.token_endpoint);
  return {
    issuer: options.issuer,
    jwksUri,
    ...(authorizationEndpoint && { authorizationEndpoint }),
    ...(tokenEndpoint && { tokenEndpoint }),
  };
};
