import type { Principal } from './principal';

/** A refusal of the bearer token, with a detail the caller can act on; never the token itself. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/**
 * Turns a bearer token into the caller, or throws InvalidTokenError. One interface for both modes,
 * so the guard does not care which: HS256 with Regie's own secret (embedded) or an OIDC provider's keys.
 */
export abstract class AccessTokenVerifier {
  abstract verify(token: string): Promise<Principal>;
}
