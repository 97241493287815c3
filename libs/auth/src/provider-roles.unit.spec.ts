import { claimAt, parseRoleMap, rolesFrom } from './provider-roles';

describe('reading roles from a provider token', () => {
  const keycloak = { sub: 'u1', realm_access: { roles: ['regie-agent', 'offline_access'] }, roles: ['agent'], 'a.b': 1 };

  it('follows a dotted claim path, and finds nothing off the path', () => {
    expect(claimAt(keycloak, 'realm_access.roles')).toEqual(['regie-agent', 'offline_access']);
    expect(claimAt(keycloak, 'roles')).toEqual(['agent']);
    expect(claimAt(keycloak, 'realm_access.roles.length')).toBeUndefined();
    expect(claimAt(keycloak, 'resource_access.regie.roles')).toBeUndefined();
    expect(claimAt(keycloak, 'sub.length')).toBeUndefined();
    expect(claimAt(keycloak, 'realm_access.constructor')).toBeUndefined();
  });

  it('keeps Regie’s own role names when there is no map, and drops the rest', () => {
    expect(rolesFrom(['agent', 'admin', 7, 'auditor', 'agent'])).toEqual(['agent', 'auditor']);
    expect(rolesFrom('supervisor manager')).toEqual(['supervisor', 'manager']);
    expect(rolesFrom({ agent: true })).toEqual([]);
    expect(rolesFrom(undefined)).toEqual([]);
  });

  it('with a map, grants only what the map names', () => {
    const parsed = parseRoleMap('regie-agent=agent, regie-sup = supervisor,Regie.Manager=manager');
    if (!('map' in parsed)) throw new Error(parsed.problems.join('; '));
    expect(rolesFrom(['regie-agent', 'offline_access', 'agent', 'Regie.Manager'], parsed.map)).toEqual(['agent', 'manager']);
  });

  it('refuses a map with an unknown Regie role, a malformed entry or a name twice, naming each entry', () => {
    expect(parseRoleMap('a=agent,b=admin,c,d=agent=x,a=auditor')).toEqual({
      problems: [
        'REGIE_OIDC_ROLE_MAP entry "b=admin" maps to "admin", which is not a Regie role (channel, agent, supervisor, manager, auditor)',
        'REGIE_OIDC_ROLE_MAP entry "c" must be provider-role=regie-role',
        'REGIE_OIDC_ROLE_MAP entry "d=agent=x" must be provider-role=regie-role',
        'REGIE_OIDC_ROLE_MAP names "a" twice',
      ],
    });
  });
});
