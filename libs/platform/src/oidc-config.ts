import { parseRoleMap, type OidcOptions } from '@regie/auth';
import type { RegieConfig } from './regie.config';

/** The provider Regie trusts, or undefined in embedded mode; call after loadRegieConfig has validated. */
export const oidcOptionsFrom = (config: RegieConfig): OidcOptions | undefined => {
  if (!config.REGIE_OIDC_ISSUER || !config.REGIE_OIDC_AUDIENCE) return undefined;
  const parsed = config.REGIE_OIDC_ROLE_MAP ? parseRoleMap(config.REGIE_OIDC_ROLE_MAP) : undefined;
  return {
    issuer: config.REGIE_OIDC_ISSUER,
    audience: config.REGIE_OIDC_AUDIENCE,
    ...(config.REGIE_OIDC_JWKS_URL && { jwksUrl: config.REGIE_OIDC_JWKS_URL }),
    rolesClaim: config.REGIE_OIDC_ROLES_CLAIM,
    ...(parsed && 'map' in parsed && { roleMap: parsed.map }),
    ...(config.REGIE_OIDC_CLIENT_ID && { clientId: config.REGIE_OIDC_CLIENT_ID }),
    scope: config.REGIE_OIDC_SCOPE,
    jwksCooldownMs: config.REGIE_OIDC_JWKS_COOLDOWN_MS,
  };
};
