import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenVerifier, InvalidTokenError } from './access-token-verifier';
import type { Principal } from './principal';
import { isRole, type Role } from './roles';

interface Claims {
  sub?: unknown;
  roles?: unknown;
  exp?: unknown;
}

/** Embedded mode: verifies HS256 tokens signed with Regie's secret (with `sub` and `exp`) and reads the principal from them. */
@Injectable()
export class TokenVerifier extends AccessTokenVerifier {
  constructor(private readonly jwt: JwtService) {
    super();
  }

  async verify(token: string): Promise<Principal> {
    let claims: Claims;
    try {
      claims = await this.jwt.verifyAsync<Claims & object>(token, { algorithms: ['HS256'] });
    } catch (error) {
      throw new InvalidTokenError(`the bearer token is not valid: ${(error as Error).message}`);
    }
    if (typeof claims.sub !== 'string' || claims.sub === '') throw new InvalidTokenError('the token has no sub claim');
    // jsonwebtoken checks `exp` only when it is there; a token without one would never expire.
    if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) {
      throw new InvalidTokenError('the token has no exp claim: every token must expire');
    }
    const roles = Array.isArray(claims.roles) ? claims.roles.filter(isRole) : [];
    return { sub: claims.sub, roles: roles as Role[] };
  }

  /** For development and tests: a token for `sub` with `roles`. */
  sign(sub: string, roles: readonly Role[], expiresInSeconds = 12 * 3600): Promise<string> {
    return this.jwt.signAsync({ roles }, { subject: sub, algorithm: 'HS256', expiresIn: expiresInSeconds });
  }
}
