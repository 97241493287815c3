import { isRole, ROLES, type Role } from './roles';

/** Provider role → Regie role, from `REGIE_OIDC_ROLE_MAP`. */
export type RoleMap = ReadonlyMap<string, Role>;

/** The value at a dotted path (`realm_access.roles`) of a token's claims, or undefined. */
export const claimAt = (claims: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  }, claims);

/**
 * Parses `provider-role=regie-role,…`. Returns the problems, each naming its entry, so that a typo
 * stops the start instead of silently granting nothing (or the wrong thing).
 */
export const parseRoleMap = (text: string): { readonly map: RoleMap } | { readonly problems: readonly string[] } => {
  const map = new Map<string, Role>();
  const problems: string[] = [];
  for (const entry of text.split(',').map((part) => part.trim())) {
    const [from, to, ...rest] = entry.split('=').map((part) => part.trim());
    if (!from || to === undefined || rest.length > 0) {
      problems.push(`REGIE_OIDC_ROLE_MAP entry "${entry}" must be provider-role=regie-role`);
    } else if (!isRole(to)) {
      problems.push(`REGIE_OIDC_ROLE_MAP entry "${entry}" maps to "${to}", which is not a Regie role (${ROLES.join(', ')})`);
    } else if (map.has(from)) {
      problems.push(`REGIE_OIDC_ROLE_MAP names "${from}" twice`);
    } else {
      map.set(from, to);
    }
  }
  return problems.length > 0 ? { problems } : { map };
};

/**
 * The Regie roles a claim value grants: an array of names (or one name, or a space-separated list as
 * some providers send scopes). With a map, only mapped names count; without one, Regie's own names.
 */
export const rolesFrom = (value: unknown, map?: RoleMap): Role[] => {
  const names = Array.isArray(value) ? value : typeof value === 'string' ? value.split(' ') : [];
  const roles = names
    .filter((name): name is string => typeof name === 'string')
    .map((name) => (map ? map.get(name) : isRole(name) ? name : undefined))
    .filter((role): role is Role => role !== undefined);
  return [...new Set(roles)];
};
