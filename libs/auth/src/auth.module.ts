import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthGuard } from './auth.guard';
import { CallerIdentifier } from './caller';
import { CallerThrottlerGuard } from './caller-throttler.guard';
import { TokenVerifier } from './token-verifier';

export interface AuthModuleOptions {
  readonly secret: string;
  /** Requests one caller may make per minute; 0 turns rate limiting off. */
  readonly requestsPerMinute: number;
}

@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    const limited = options.requestsPerMinute > 0;
    return {
      module: AuthModule,
      imports: [
        JwtModule.register({ secret: options.secret, signOptions: { algorithm: 'HS256' } }),
        ...(limited ? [ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: options.requestsPerMinute }])] : []),
      ],
      // Guards run in this order: how often the caller calls (valid token or not), then what they may do.
      providers: [
        TokenVerifier,
        CallerIdentifier,
        ...(limited ? [{ provide: APP_GUARD, useClass: CallerThrottlerGuard }] : []),
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}
