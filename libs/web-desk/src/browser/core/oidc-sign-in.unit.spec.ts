import { authorizationUrl, challengeOf, providerReturn, randomSecret, rolesIn } from './oidc-sign-in';

const signIn = {
  issuer: 'https://kc.example.org/realms/regie',
  authorizationEndpoint: 'https://kc.example.org/realms/regie/protocol/openid-connect/auth?kc_idp_hint=city',
  tokenEndpoint: 'https://kc.example.org/realms/regie/protocol/openid-connect/token',
  clientId: 'regie-desk',
  scope: 'openid profile',
};

describe('signing in through an OpenID Connect provider (PKCE)', () => {
  it('makes the S256 challenge of RFC 7636 appendix B', async () => {
    await expect(challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers and states of 43 URL-safe characters, each one new', () => {
    const secrets = new Set(Array.from({ length: 50 }, () => randomSecret()));
    expect(secrets.size).toBe(50);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('asks the provider for a code with the challenge, keeping what its endpoint already holds', () => {
    const url = new URL(authorizationUrl(signIn, { redirectUri: 'https://regie.example.org/agent', state: 's1', challenge: 'c1' }));
    expect(`${url.origin}${url.pathname}`).toBe('https://kc.example.org/realms/regie/protocol/openid-connect/auth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      kc_idp_hint: 'city',
      response_type: 'code',
      client_id: 'regie-desk',
      redirect_uri: 'https://regie.example.org/agent',
      scope: 'openid profile',
      state: 's1',
      code_challenge: 'c1',
      code_challenge_method: 'S256',
    });
  });

  it('reads what the provider sent back, and what stays in the address bar', () => {
    expect(providerReturn('?code=abc&state=s1&session_state=x&iss=https%3A%2F%2Fkc&lang=en')).toEqual({
      code: 'abc',
      state: 's1',
      rest: '?lang=en',
    });
    expect(providerReturn('?error=access_denied&error_description=no&state=s1')).toEqual({ error: 'access_denied', state: 's1', rest: '' });
    expect(providerReturn('')).toEqual({ rest: '' });
  });

  it('reads roles as the server does: a claim path, through the map when there is one', () => {
    const payload = { sub: 'u', roles: ['agent'], realm_access: { roles: ['regie-sup', 'offline_access'] } };
    expect(rolesIn(payload, { claim: 'roles' })).toEqual(['agent']);
    expect(rolesIn(payload, { claim: 'realm_access.roles', map: { 'regie-sup': 'supervisor' } })).toEqual(['supervisor']);
    expect(rolesIn(payload, { claim: 'realm_access.roles.constructor' })).toEqual([]);
    expect(rolesIn({ scp: 'agent auditor' }, { claim: 'scp' })).toEqual(['agent', 'auditor']);
  });
});
