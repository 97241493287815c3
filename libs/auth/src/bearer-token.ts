/**
 * RFC 6750 §2.1: `Authorization: Bearer <b64token>`, one scheme, one or more spaces, one token and
 * nothing after it. The scheme is case-insensitive (RFC 9110 §11.1). Anything else is no bearer token.
 */
const BEARER = /^bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

export type BearerToken = { readonly token: string } | { readonly problem: string };

export const bearerTokenOf = (header: string | undefined): BearerToken => {
  if (header === undefined || header.trim() === '') return { problem: 'a bearer token is required (Authorization: Bearer <JWT>)' };
  const match = BEARER.exec(header.trim());
  if (!match?.[1]) return { problem: 'the Authorization header must be exactly "Bearer <JWT>"' };
  return { token: match[1] };
};
