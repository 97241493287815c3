import { parseRoleMap } from '@regie/auth';

/** A provider's address: https, or http on this machine only (a provider a test or a developer runs). */
export const PROVIDER_URL = /^(https:\/\/[^\s/?#]+|http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?)(\/\S*)?$/;

/** The OIDC part of RegieConfig (kept apart from it, so that regie.config.ts can use these checks). */
export interface OidcSettings {
  readonly REGIE_JWT_SECRET?: string;
  readonly REGIE_OIDC_ISSUER?: string;
  readonly REGIE_OIDC_AUDIENCE?: string;
  readonly REGIE_OIDC_JWKS_URL?: string;
  readonly REGIE_OIDC_ROLE_MAP?: string;
  readonly REGIE_OIDC_CLIENT_ID?: string;
}

const DEPENDENT = ['REGIE_OIDC_AUDIENCE', 'REGIE_OIDC_JWKS_URL', 'REGIE_OIDC_ROLE_MAP', 'REGIE_OIDC_CLIENT_ID'] as const;

/** What the field decorators cannot say: how the OIDC variables go together, and the role map's entries. */
export const oidcConfigIssues = (config: OidcSettings): string[] => {
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
