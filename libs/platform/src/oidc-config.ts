import { parseRoleMap, type OidcOptions } from '@regie/auth';
import type { RegieConfig } from './regie.config';

/** A provider's address: https, or http on this machine only (a provider a test or a developer runs). */
export const PROVIDER_URL = /^(https:\/\/[^\s/?#]+|http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?)(\/\S*)?$/;

const DEPENDENT = ['REGIE_OIDC_AUDIENCE', 'REGIE_OIDC_JWKS_URL', 'REGIE_OIDC_ROLE_MAP', 'REGIE_OIDC_CLIENT_ID'] as const;

/** What the field decorators cannot say: how the OIDC variables go together, and the role map's entries. */
export const oidcConfigIssues = (config: RegieConfig): string[] => {
  if (!config.REGIE_OIDC_ISSUER) {
    return DEPENDENT.filter((name) => config[name] !== undefined).map((name) => `${name} is set, but REGIE_OIDC_ISSUER is not`);
  }
  const issues: string[] = [];
  if (config.REGIE_JWT_SECRET) {
    issues.push('REGIE_JWT_SECRET and REGIE_OIDC_ISSUER exclude each other: with a provider, Regie accepts no HS256 tokens');
  }
  if (config.REGIE_OIDC_ROLE_MAP) {
    const parsed = parseRoleMap(config.REGIE_OIDC_ROLE_MAP);
    if ('problems' in parsed) issues.push(...parsed.problems);
  }
  return issues;
};

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
