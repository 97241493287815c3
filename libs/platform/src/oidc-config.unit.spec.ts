import { loadRegieConfig } from './regie.config';
import { oidcOptionsFrom } from './oidc-config';

const oidc = { REGIE_OIDC_ISSUER: 'https://kc.example.org/realms/regie', REGIE_OIDC_AUDIENCE: 'regie' };

describe('the OpenID Connect settings', () => {
  it('are off without an issuer, with the defaults otherwise', () => {
    expect(oidcOptionsFrom(loadRegieConfig({}))).toBeUndefined();
    expect(oidcOptionsFrom(loadRegieConfig(oidc))).toEqual({
      issuer: oidc.REGIE_OIDC_ISSUER,
      audience: 'regie',
      rolesClaim: 'roles',
      scope: 'openid',
      jwksCooldownMs: 30_000,
    });
  });

  it('read the claim path, the role map and the pages’ client', () => {
    const options = oidcOptionsFrom(
      loadRegieConfig({
        ...oidc,
        REGIE_OIDC_ROLES_CLAIM: 'realm_access.roles',
        REGIE_OIDC_ROLE_MAP: 'regie-agent=agent,regie-sup=supervisor',
        REGIE_OIDC_CLIENT_ID: 'regie-desk',
        REGIE_OIDC_SCOPE: 'openid profile',
      }),
    );
    expect(options).toMatchObject({ rolesClaim: 'realm_access.roles', clientId: 'regie-desk', scope: 'openid profile' });
    expect([...(options?.roleMap ?? [])]).toEqual([
      ['regie-agent', 'agent'],
      ['regie-sup', 'supervisor'],
    ]);
  });

  it.each([
    [{ REGIE_OIDC_ISSUER: oidc.REGIE_OIDC_ISSUER }, /REGIE_OIDC_AUDIENCE is required with REGIE_OIDC_ISSUER/],
    [{ ...oidc, REGIE_OIDC_ISSUER: 'http://kc.example.org/realms/regie' }, /REGIE_OIDC_ISSUER must be the provider’s issuer URL/],
    [
      { ...oidc, REGIE_OIDC_ROLE_MAP: 'kc-agent=agent,kc-admin=admin' },
      /entry "kc-admin=admin" maps to "admin", which is not a Regie role/,
    ],
    [{ ...oidc, REGIE_OIDC_ROLES_CLAIM: 'realm_access..roles' }, /REGIE_OIDC_ROLES_CLAIM must be a claim name or a dotted path/],
    [{ ...oidc, REGIE_JWT_SECRET: 'x'.repeat(32) }, /REGIE_JWT_SECRET and REGIE_OIDC_ISSUER exclude each other/],
    [{ REGIE_OIDC_AUDIENCE: 'regie' }, /REGIE_OIDC_AUDIENCE is set, but REGIE_OIDC_ISSUER is not/],
    [{ ...oidc, REGIE_OIDC_JWKS_COOLDOWN_MS: 'soon' }, /REGIE_OIDC_JWKS_COOLDOWN_MS must be a whole number/],
  ])('stop the start when wrong: %j', (env, message) => expect(() => loadRegieConfig(env)).toThrow(message));

  it('allow http only for a provider on this machine', () => {
    expect(loadRegieConfig({ ...oidc, REGIE_OIDC_ISSUER: 'http://127.0.0.1:8080/realms/dev' }).REGIE_OIDC_ISSUER).toBe(
      'http://127.0.0.1:8080/realms/dev',
    );
  });
});
