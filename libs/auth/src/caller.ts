import { Injectable } from '@nestjs/common';
import type { AuthenticatedRequest, Principal } from './principal';
import { bearerTokenOf } from './bearer-token';
import { AccessTokenVerifier, InvalidTokenError } from './access-token-verifier';

/** Who sent a request: a verified principal, or nobody known and why. */
export type Caller = { readonly principal: Principal } | { readonly refused: string };

const IDENTIFIED = Symbol('regie:caller');

export interface IdentifiableRequest extends AuthenticatedRequest {
  headers: { authorization?: string };
  [IDENTIFIED]?: Promise<Caller>;
}

/**
 * Reads and verifies the bearer token once per request. The rate limit runs before the roles
 * check and counts by the answer (subject, or address when there is none), so requests without
 * a valid token are limited too.
 */
@Injectable()
export class CallerIdentifier {
  constructor(private readonly verifier: AccessTokenVerifier) {}

  identify(request: IdentifiableRequest): Promise<Caller> {
    request[IDENTIFIED] ??= this.verify(request);
    return request[IDENTIFIED];
  }

  private async verify(request: IdentifiableRequest): Promise<Caller> {
    const bearer = bearerTokenOf(request.headers.authorization);
    if ('problem' in bearer) return { refused: bearer.problem };
    try {
      request.principal = await this.verifier.verify(bearer.token);
      return { principal: request.principal };
    } catch (error) {
      if (error instanceof InvalidTokenError) return { refused: error.message };
      throw error;
    }
  }
}
