import { errors } from 'jose';
import type { OidcOptions } from './oidc-options';

/**
 * What to tell the caller when jose refuses a token: what was wrong and what is accepted. jose's own
 * messages never hold the token, but they are written for developers; these are for the caller.
 */
export const refusalOf = (error: unknown, options: OidcOptions): string => {
  if (error instanceof errors.JWTExpired) return 'the token has expired: sign in again';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing' && error.claim === 'exp') return 'the token has no exp claim: every token must expire';
    if (error.reason === 'missing') return `the token has no ${error.claim} claim`;
    if (error.claim === 'aud') return `the token is meant for another audience: Regie accepts ${options.audience}`;
    if (error.claim === 'iss') return `the token is from another issuer: Regie accepts ${options.issuer}`;
    if (error.claim === 'nbf') return 'the token is not valid yet (nbf)';
    return `the token's ${error.claim} claim is not valid`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is signed with an algorithm Regie does not accept';
  if (error instanceof errors.JWKSNoMatchingKey) return `the token is signed with a key ${options.issuer} does not publish (unknown kid)`;
  if (error instanceof errors.JWKSMultipleMatchingKeys) return 'the token names no kid, and the provider publishes several keys';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token’s signature is not valid';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return `the keys of ${options.issuer} could not be read; try again later`;
  }
  if (error instanceof errors.JOSEError) return `the bearer token is not a valid JWT (${error.code})`;
  // fetch failures of the key set: the provider is unreachable, which is not the caller's fault but not a 500 either.
  return `the keys of ${options.issuer} could not be read; try again later`;
};
