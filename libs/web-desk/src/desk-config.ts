import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '@regie/http';
import { Controller, Get, Inject } from '@nestjs/common';
import { Public, type Identity } from '@regie/auth';

/**
 * What the pages need to know before anyone signs in: where the roles are in a token and, with a
 * provider, how to sign in through it (authorization code with PKCE, a public client). No secrets.
 */
export interface DeskConfig {
  readonly roles: { readonly claim: string; readonly map?: Readonly<Record<string, string>> };
  readonly signIn?: {
    readonly issuer: string;
    readonly authorizationEndpoint: string;
    readonly tokenEndpoint: string;
    readonly clientId: string;
    readonly scope: string;
  };
}

export const DESK_CONFIG = Symbol('DESK_CONFIG');

/** Embedded: Regie's own `roles` claim and sign-in links. With a provider: its claim, map and endpoints (when the pages have a client). */
export const deskConfigOf = (identity: Identity | undefined): DeskConfig => {
  if (identity?.mode !== 'oidc') return { roles: { claim: 'roles' } };
  const { options, provider } = identity;
  const roles = { claim: options.rolesClaim, ...(options.roleMap && { map: Object.fromEntries(options.roleMap) }) };
  const { authorizationEndpoint, tokenEndpoint } = provider;
  if (!options.clientId || !authorizationEndpoint || !tokenEndpoint) return { roles };
  return {
    roles,
    signIn: { issuer: options.issuer, authorizationEndpoint, tokenEndpoint, clientId: options.clientId, scope: options.scope },
  };
};

/** The origins the pages may fetch from besides their own: the provider's token endpoint. */
export const connectSourcesOf = (config: DeskConfig): string[] => (config.signIn ? [new URL(config.signIn.tokenEndpoint).origin] : []);

@ApiTags('web-desk')
@Controller('desk')
@Public()
export class DeskConfigController {
  constructor(@Inject(DESK_CONFIG) private readonly config: DeskConfig) {}

  @Get('config.json')
  @ApiRoute({
    summary: 'What the pages need before sign-in: the roles claim and, with a provider, how to sign in',
    response: { schema: { type: 'object', required: ['roles'], additionalProperties: true } },
  })
  get(): DeskConfig {
    return this.config;
  }
}
