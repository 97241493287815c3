import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  eventually,
  newSigningKey,
  oidcEnv,
  signToken,
  startOidcHarness,
  startOidcProvider,
  type RegieHarness,
  type TestOidcProvider,
} from '@regie/testing';
import { startRegie } from '../../apps/regie/src/bootstrap';

jest.setTimeout(60_000);

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Issue 15: the provider's keys are cached, refetched when it rotates, and not refetched for every made-up kid. */
describe('The provider’s keys, roles from other claims, and the start', () => {
  let provider: TestOidcProvider;
  const started: RegieHarness[] = [];
  const start = async (env: NodeJS.ProcessEnv = {}) => {
    const regie = await startOidcHarness(provider, env);
    started.push(regie);
    return regie;
  };
  const cases = (regie: RegieHarness, token: string) => regie.http.get('/v1/cases?status=queued').set(auth(token));

  beforeEach(async () => {
    provider = await startOidcProvider();
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((regie) => regie.stop()));
    await provider.close();
  });

  it('caches the keys, and within the cooldown a flood of unknown kids fetches nothing', async () => {
    const regie = await start();
    await cases(regie, await provider.token({ sub: 'a1', roles: ['agent'] })).expect(200);
    await cases(regie, await provider.token({ sub: 'a2', roles: ['agent'] })).expect(200);
    expect(provider.jwksFetches).toBe(1);
    const made = await newSigningKey();
    for (let i = 0; i < 25; i += 1) {
      const token = await signToken(
        made,
        { sub: 'x', roles: ['agent'] },
        { issuer: provider.issuer, audience: provider.audience, kid: `k${i}` },
      );
      expect((await cases(regie, token).expect(401)).body.detail).toMatch(/unknown kid/);
    }
    expect(provider.jwksFetches).toBe(1);
  });

  it('after the provider rotates, accepts the new key once the cooldown has passed, with one more fetch', async () => {
    const regie = await start({ REGIE_OIDC_JWKS_COOLDOWN_MS: '300' });
    await cases(regie, await provider.token({ sub: 'a1', roles: ['agent'] })).expect(200);
    await provider.rotate('ES256');
    const rotated = await provider.token({ sub: 'a1', roles: ['agent'] });
    let refusals = 0;
    await eventually(async () => {
      const response = await cases(regie, rotated);
      if (response.status === 401) refusals += 1;
      expect(response.status).toBe(200);
    });
    // Every try within the cooldown was refused without a fetch; the first after it fetched the new set.
    expect(provider.jwksFetches).toBe(2);
    expect(refusals).toBeGreaterThan(0);
  });

  it('reads Keycloak’s realm_access.roles through a role map, and grants nothing the map does not name', async () => {
    const regie = await start({
      REGIE_OIDC_ROLES_CLAIM: 'realm_access.roles',
      REGIE_OIDC_ROLE_MAP: 'regie-agent=agent,regie-boss=supervisor',
    });
    const agent = await provider.token({
      sub: 'kc-anna',
      realm_access: { roles: ['regie-agent', 'offline_access'] },
      roles: ['supervisor'],
    });
    await cases(regie, agent).expect(200);
    await regie.http.get('/v1/aggression-reports?status=open').set(auth(agent)).expect(403);
    const own = await provider.token({ sub: 'kc-ben', realm_access: { roles: ['agent'] } });
    await cases(regie, own).expect(403);
  });

  it('takes the keys from REGIE_OIDC_JWKS_URL without discovery, and answers 401 (not 500) when they cannot be read', async () => {
    const direct = await start({ REGIE_OIDC_JWKS_URL: `${provider.issuer}/jwks`, REGIE_OIDC_CLIENT_ID: '' });
    await cases(direct, await provider.token({ sub: 'a1', roles: ['agent'] })).expect(200);
    expect((await direct.http.get('/desk/config.json').expect(200)).body).toEqual({ roles: { claim: 'roles' } });
    const nowhere = await start({ REGIE_OIDC_JWKS_URL: 'http://127.0.0.1:9/jwks', REGIE_OIDC_CLIENT_ID: '' });
    const refused = await cases(nowhere, await provider.token({ sub: 'a1', roles: ['agent'] })).expect(401);
    expect(refused.body.detail).toMatch(/the keys of http:\/\/127\.0\.0\.1:\d+ could not be read; try again later/);
  });

  it('prints no development tokens, and stops the start on a bad role map, a provider naming another issuer, or none there', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'regie-oidc-'));
    const env = { ...oidcEnv(provider), REGIE_PORT: '0', REGIE_DATA_DIR: dataDir, REGIE_LOG_LEVEL: 'silent' };
    try {
      const regie = await startRegie(env);
      expect(regie.devTokens).toBeUndefined();
      expect(regie.issuer).toBe(provider.issuer);
      await regie.app.close();
      await expect(startRegie({ ...env, REGIE_OIDC_ROLE_MAP: 'regie-agent=agent,admins=admin' })).rejects.toThrow(
        /REGIE_OIDC_ROLE_MAP entry "admins=admin" maps to "admin", which is not a Regie role/,
      );
      await expect(startRegie({ ...env, REGIE_OIDC_ISSUER: `${provider.issuer}/` })).rejects.toThrow(
        /openid-configuration names the issuer http:\/\/127\.0\.0\.1:\d+, not REGIE_OIDC_ISSUER \(http:\/\/127\.0\.0\.1:\d+\/\)/,
      );
      await expect(startRegie({ ...env, REGIE_OIDC_ISSUER: `${provider.issuer}/realms/other` })).rejects.toThrow(
        /could not read the OpenID configuration at http:\/\/127\.0\.0\.1:\d+\/realms\/other\/\.well-known\/openid-configuration: HTTP 404/,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
