import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from './principal';

/**
 * Rate limit per caller: the token's subject when the request is authenticated (a channel
 * platform posting from many hosts is one caller), the client address otherwise. Runs after
 * the AuthGuard, which has put the principal on the request by then.
 */
@Injectable()
export class CallerThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown> & AuthenticatedRequest): Promise<string> {
    return request.principal ? `sub:${request.principal.sub}` : `ip:${String(request.ip)}`;
  }
}
