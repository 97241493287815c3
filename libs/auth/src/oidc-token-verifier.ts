import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AccessTokenVerifier, InvalidTokenError } from './access-token-verifier';
import { refusalOf } from './oidc-refusals';
import type { OidcOptions } from './oidc-options';
import type { Principal } from './principal';
import { claimAt, rolesFrom } from './provider-roles';

/** Asymmetric only: a shared-secret (HS256) or unsigned (`none`) token cannot come from the provider. */
export const OIDC_ALGORITHMS = ['RS256', 'ES256'] as const;

/** Clocks of Regie and the provider may differ a little. */
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Verifies the provider's JWTs against its published keys. jose's remote key set caches the keys,
 * refetches them when a token names an unknown `kid` (the provider rotated), but not more often than
 * the cooldown allows, and at least every ten minutes.
 */
export class OidcTokenVerifier extends AccessTokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(
    private readonly options: OidcOptions,
    jwksUri: string,
  ) {
    super();
    this.keys = createRemoteJWKSet(new URL(jwksUri), { cooldownDuration: options.jwksCooldownMs });
  }

  async verify(token: string): Promise<Principal> {
    this.refuseAlgorithmOf(token);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: [...OIDC_ALGORITHMS],
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      throw new InvalidTokenError(refusalOf(error, this.options));
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new InvalidTokenError('the token has no sub claim');
    return { sub: payload.sub, roles: rolesFrom(claimAt(payload, this.options.rolesClaim), this.options.roleMap) };
  }

  /** Before any key is looked up, so that an HS256 or `none` token says why it is refused. */
  private refuseAlgorithmOf(token: string): void {
    let alg: unknown;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new InvalidTokenError('the bearer token is not a JWT');
    }
    if (!(OIDC_ALGORITHMS as readonly unknown[]).includes(alg)) {
      const named = typeof alg === 'string' ? JSON.stringify(alg.slice(0, 20)) : 'no algorithm';
      throw new InvalidTokenError(`the token is signed with ${named}; accepted: ${OIDC_ALGORITHMS.join(', ')} from ${this.options.issuer}`);
    }
  }
}
