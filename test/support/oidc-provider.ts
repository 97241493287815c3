import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWTPayload } from 'jose';
import { newSigningKey, signToken, type SigningAlgorithm, type SigningKey, type TokenOptions } from './oidc-keys';
import { authorize, exchangeCode, type PendingCode } from './oidc-provider-flow';

export interface TestOidcProvider {
  readonly issuer: string;
  readonly audience: string;
  readonly clientId: string;
  /** How often the key set was fetched. */
  readonly jwksFetches: number;
  /** Signs with the current key. */
  token(claims: JWTPayload, options?: Partial<TokenOptions>): Promise<string>;
  /** Who `/authorize` signs in (it approves at once, as a provider with a signed-in user does). */
  signInAs(claims: JWTPayload): void;
  /** A new key replaces the old one in the published set. */
  rotate(alg?: SigningAlgorithm): Promise<SigningKey>;
  close(): Promise<void>;
}

const json = (response: ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
};

export const S256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

/** An OpenID Connect provider on 127.0.0.1 (port 0): discovery, JWKS, `/authorize` and `/token` with PKCE. */
export const startOidcProvider = async (options: { audience?: string; clientId?: string } = {}): Promise<TestOidcProvider> => {
  let key = await newSigningKey();
  let jwksFetches = 0;
  let user: JWTPayload = { sub: 'user-1', roles: ['agent'] };
  const codes = new Map<string, PendingCode>();
  const audience = options.audience ?? 'regie-api';
  const clientId = options.clientId ?? 'regie-desk';
  let issuer = '';
  const sign = (claims: JWTPayload, overrides: Partial<TokenOptions> = {}) => signToken(key, claims, { issuer, audience, ...overrides });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(response, 200, {
        issuer,
        jwks_uri: `${issuer}/jwks`,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
        id_token_signing_alg_values_supported: ['RS256', 'ES256'],
      });
    }
    if (url.pathname === '/jwks') {
      jwksFetches += 1;
      return json(response, 200, { keys: [key.jwk] });
    }
    if (url.pathname === '/authorize') return authorize(url, response, { clientId, codes, user: () => user });
    if (url.pathname === '/token' && request.method === 'POST') {
      const outcome = exchangeCode(new URLSearchParams(await bodyOf(request)), { clientId, codes, S256 });
      if ('error' in outcome) return json(response, 400, outcome);
      return json(response, 200, { access_token: await sign(outcome.claims), token_type: 'Bearer', expires_in: 300 });
    }
    json(response, 404, { error: 'not_found' });
  };

  const server = createServer((request, response) => void handle(request, response).catch(() => json(response, 500, {})));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    audience,
    clientId,
    get jwksFetches() {
      return jwksFetches;
    },
    token: sign,
    signInAs: (claims) => (user = claims),
    rotate: async (alg) => (key = await newSigningKey(alg)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

const bodyOf = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};
