import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { JWTPayload } from 'jose';

/** A code `/authorize` gave out, waiting for `/token` with the verifier of its challenge. */
export interface PendingCode {
  readonly challenge: string;
  readonly redirectUri: string;
  readonly claims: JWTPayload;
}

const refuse = (response: ServerResponse, reason: string): void => {
  response.writeHead(400, { 'Content-Type': 'text/plain' });
  response.end(reason);
};

/** Approves at once and sends the browser back with a code; only S256 challenges (RFC 7636), as Regie's pages send. */
export const authorize = (
  url: URL,
  response: ServerResponse,
  provider: { clientId: string; codes: Map<string, PendingCode>; user: () => JWTPayload },
): void => {
  const query = url.searchParams;
  if (query.get('response_type') !== 'code') return refuse(response, 'response_type must be code');
  if (query.get('client_id') !== provider.clientId) return refuse(response, 'unknown client_id');
  if (query.get('code_challenge_method') !== 'S256' || !query.get('code_challenge')) return refuse(response, 'PKCE with S256 is required');
  const redirectUri = query.get('redirect_uri');
  if (!redirectUri?.startsWith('http://127.0.0.1:')) return refuse(response, 'redirect_uri is not registered');
  const code = randomUUID();
  provider.codes.set(code, { challenge: query.get('code_challenge')!, redirectUri, claims: provider.user() });
  const back = new URL(redirectUri);
  back.searchParams.set('code', code);
  back.searchParams.set('state', query.get('state') ?? '');
  response.writeHead(302, { Location: back.toString() });
  response.end();
};

/** One use per code; the verifier must hash to the challenge, the redirect and the client must match. */
export const exchangeCode = (
  form: URLSearchParams,
  provider: { clientId: string; codes: Map<string, PendingCode>; S256: (verifier: string) => string },
): { claims: JWTPayload } | { error: string; error_description: string } => {
  const pending = provider.codes.get(form.get('code') ?? '');
  provider.codes.delete(form.get('code') ?? '');
  if (form.get('grant_type') !== 'authorization_code') return { error: 'unsupported_grant_type', error_description: 'code only' };
  if (!pending) return { error: 'invalid_grant', error_description: 'unknown or used code' };
  if (form.get('client_id') !== provider.clientId) return { error: 'invalid_client', error_description: 'another client' };
  if (form.get('redirect_uri') !== pending.redirectUri) return { error: 'invalid_grant', error_description: 'another redirect_uri' };
  if (provider.S256(form.get('code_verifier') ?? '') !== pending.challenge) {
    return { error: 'invalid_grant', error_description: 'the code_verifier does not match the code_challenge' };
  }
  return { claims: pending.claims };
};
