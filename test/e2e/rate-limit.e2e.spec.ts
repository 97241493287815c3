import { startHarness, type RegieHarness } from '@regie/testing';

describe('Rate limiting per caller', () => {
  let regie: RegieHarness;

  beforeAll(async () => {
    regie = await startHarness({ env: { REGIE_RATE_LIMIT: '5' } });
  });
  afterAll(() => regie.stop());

  const journey = (token: string) => regie.http.get('/v1/customers/cust-limited/journey').set('Authorization', `Bearer ${token}`);

  it('answers 429 problem+json with Retry-After once a caller passes its limit, and keeps serving other callers', async () => {
    const busy = await regie.token('agent-busy', 'agent');
    const calm = await regie.token('agent-calm', 'agent');
    for (let n = 0; n < 5; n += 1) expect((await journey(busy)).status).toBe(200);

    const refused = await journey(busy);
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(refused.text)).toMatchObject({ status: 429, type: expect.stringMatching(/rate-limited$/) });

    expect((await journey(calm)).status).toBe(200);
  });

  it('counts a caller by token subject, not by token: a fresh token of the same subject is still limited', async () => {
    const first = await regie.token('agent-twice', 'agent');
    for (let n = 0; n < 5; n += 1) expect((await journey(first)).status).toBe(200);
    const second = await regie.token('agent-twice', 'agent', 'supervisor');
    expect((await journey(second)).status).toBe(429);
  });
});
