import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { CallerIdentifier, type IdentifiableRequest } from './caller';

/**
 * Rate limit per caller, over all routes together: the token's subject when the token is valid (a
 * channel platform posting from many hosts is one caller), the client address otherwise — so a
 * request without a token, or with a bad one, is counted too. Runs before the AuthGuard.
 */
@Injectable()
export class CallerThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly callers: CallerIdentifier,
  ) {
    super(options, storage, reflector);
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const caller = await this.callers.identify(request as unknown as IdentifiableRequest);
    return 'principal' in caller ? `sub:${caller.principal.sub}` : `ip:${String(request.ip)}`;
  }

  /** One budget per caller, not one per route: more routes must not mean more requests. */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttler: string): string {
    return `${throttler}:${tracker}`;
  }

  /** The 429's detail: what the limit is and when to come back, nothing about the library. */
  protected override async getErrorMessage(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<string> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    return `too many requests: at most ${detail.limit} a minute per caller; retry after ${seconds} s`;
  }
}
