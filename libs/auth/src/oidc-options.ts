import type { RoleMap } from './provider-roles';

/** How Regie trusts an OpenID Connect provider (REGIE_OIDC_*). */
export interface OidcOptions {
  readonly issuer: string;
  readonly audience: string;
  /** Where the keys are; discovered from the issuer when not given. */
  readonly jwksUrl?: string;
  /** Dotted path of the roles in the token, e.g. `realm_access.roles`. */
  readonly rolesClaim: string;
  readonly roleMap?: RoleMap;
  /** The pages' client; without it the pages offer no provider sign-in. */
  readonly clientId?: string;
  readonly scope: string;
  /** After a fetch of the keys, how long an unknown key id refetches nothing (a flood of made-up kids). */
  readonly jwksCooldownMs: number;
}

/** What the provider says about itself (`/.well-known/openid-configuration`), as far as Regie needs it. */
export interface OidcProviderMetadata {
  readonly issuer: string;
  readonly jwksUri: string;
  readonly authorizationEndpoint?: string;
  readonly tokenEndpoint?: string;
}

/** Regie's own HS256 tokens, or a provider's. */
export type Identity =
  | { readonly mode: 'embedded'; readonly secret: string }
  | { readonly mode: 'oidc'; readonly options: OidcOptions; readonly provider: OidcProviderMetadata };
