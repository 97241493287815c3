import { createSecretKey } from 'node:crypto';
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessTokenVerifier } from './access-token-verifier';
import { AuthGuard } from './auth.guard';
import { CallerIdentifier } from './caller';
import { CallerThrottlerGuard } from './caller-throttler.guard';
import { OidcTokenVerifier } from './oidc-token-verifier';
import type { Identity } from './oidc-options';
import { TokenVerifier } from './token-verifier';

export interface AuthModuleOptions {
  readonly identity: Identity;
  /** Requests one caller may make per minute; 0 turns rate limiting off. */
  readonly requestsPerMinute: number;
}

/** Embedded: Regie signs and verifies its own HS256 tokens. OIDC: only the provider's tokens; Regie signs none. */
const verifierOf = (
  identity: Identity,
): { imports: DynamicModule[]; providers: Provider[]; exports: NonNullable<DynamicModule['exports']> } =>
  identity.mode === 'embedded'
    ? {
        // A key object, not the string: jsonwebtoken would otherwise try the string as a PEM public key
        // (and throw) before making a secret key of it, for every request.
        imports: [JwtModule.register({ secret: createSecretKey(Buffer.from(identity.secret)), signOptions: { algorithm: 'HS256' } })],
        providers: [TokenVerifier, { provide: AccessTokenVerifier, useExisting: TokenVerifier }],
        exports: [TokenVerifier, AccessTokenVerifier],
      }
    : {
        imports: [],
        providers: [{ provide: AccessTokenVerifier, useValue: new OidcTokenVerifier(identity.options, identity.provider.jwksUri) }],
        exports: [AccessTokenVerifier],
      };

@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    const limited = options.requestsPerMinute > 0;
    const verifier = verifierOf(options.identity);
    return {
      module: AuthModule,
      imports: [
        ...verifier.imports,
        ...(limited ? [ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: options.requestsPerMinute }])] : []),
      ],
      // Guards run in this order: how often the caller calls (valid token or not), then what they may do.
      providers: [
        ...verifier.providers,
        CallerIdentifier,
        ...(limited ? [{ provide: APP_GUARD, useClass: CallerThrottlerGuard }] : []),
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: verifier.exports,
    };
  }
}
