import { startHarness, type RegieHarness } from '@regie/testing';

/** Issue 11: requests with no token or a bad one are limited too, and the 429 says nothing about the library. */
describe('API hardening: the rate limit covers callers without a valid token (issue 11)', () => {
  let regie: RegieHarness;

  beforeAll(async () => {
    regie = await startHarness({ env: { REGIE_RATE_LIMIT: '5' } });
  });
  afterAll(() => regie.stop());

  const journey = (authorization?: string) => {
    const request = regie.http.get('/v1/customers/cust-anon/journey');
    return authorization === undefined ? request : request.set('Authorization', authorization);
  };

  it('counts requests without a token and with a bad token by address, then answers 429 problem+json with Retry-After', async () => {
    const attempts = [undefined, 'Bearer not-a-jwt', 'Bearer a.b.c', undefined, 'Basic x'];
    for (const authorization of attempts) expect((await journey(authorization)).status).toBe(401);

    const refused = await journey();
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const problem = JSON.parse(refused.text);
    expect(problem).toMatchObject({
      status: 429,
      type: expect.stringMatching(/rate-limited$/),
      detail: expect.stringMatching(/^too many requests: at most 5 a minute per caller; retry after \d+ s$/),
    });
    expect(refused.text).not.toMatch(/Throttler/);
    expect((await journey('Bearer still-bad')).status).toBe(429);

    // A caller with a valid token is its own caller, however busy its address is.
    const agent = await regie.token('agent-valid', 'agent');
    expect((await journey(`Bearer ${agent}`)).status).toBe(200);
  });

  it('gives a caller one budget over all routes, not one per route', async () => {
    const supervisor = await regie.token('sup-many-routes', 'supervisor');
    const routes = ['/v1/cases', '/v1/aggression-reports', '/v1/exclusions', '/v1/service-concept', '/v1/customers/cust-r/journey'];
    for (const route of routes) expect((await regie.http.get(route).set('Authorization', `Bearer ${supervisor}`)).status).toBe(200);
    expect((await regie.http.get('/v1/cases?status=queued').set('Authorization', `Bearer ${supervisor}`)).status).toBe(429);
  });
});
