import { EVENT_STORE, type EventStore } from '@regie/event-store';
import {
  hs256Token,
  newSigningKey,
  signToken,
  startOidcHarness,
  startOidcProvider,
  TEST_SECRET,
  unsignedToken,
  type RegieHarness,
  type TestOidcProvider,
} from '@regie/testing';

jest.setTimeout(60_000);

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Issue 15: with REGIE_OIDC_ISSUER, the running app accepts its provider's tokens and nothing else. */
describe('Bearer tokens from an OpenID Connect provider', () => {
  let provider: TestOidcProvider;
  let regie: RegieHarness;
  const cases = (token: string) => regie.http.get('/v1/cases?status=queued').set(auth(token));
  const refusal = async (token: string): Promise<string> => {
    const response = await cases(token).expect(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(response.body)).not.toContain(token);
    return response.body.detail as string;
  };

  beforeAll(async () => {
    provider = await startOidcProvider();
    regie = await startOidcHarness(provider);
  });
  afterAll(async () => {
    await regie?.stop();
    await provider?.close();
  });

  it('accepts a provider token, and its sub is the actor of what the call records', async () => {
    const token = await provider.token({ sub: 'agent-oidc', roles: ['agent'] });
    await cases(token).expect(200);
    const store = regie.app.get<EventStore>(EVENT_STORE, { strict: false });
    const before = await store.headPosition();
    await regie.http
      .put('/v1/agents/me/presence')
      .set(auth(token))
      .send({ status: 'available', channels: ['live-chat'], capacity: { 'live-chat': 1 } })
      .expect(200);
    const recorded = await store.readAll({ after: before });
    expect(recorded.length).toBeGreaterThan(0);
    expect(recorded.map((event) => event.metadata.actor)).toEqual(recorded.map(() => 'agent-oidc'));
  });

  it('still enforces the route’s role (403): a provider token grants only the roles it holds', async () => {
    const channel = await provider.token({ sub: 'platform-1', roles: ['channel', 'admin'] });
    expect((await cases(channel).expect(403)).body.detail).toMatch(/needs one of the roles: agent, supervisor/);
    const none = await provider.token({ sub: 'nobody' });
    await cases(none).expect(403);
  });

  it.each([
    ['wrong audience', { audience: 'another-api' }, /another audience: Regie accepts regie-api/],
    ['wrong issuer', { issuer: 'https://evil.example' }, /another issuer: Regie accepts http:\/\/127\.0\.0\.1/],
    ['expired', { expiresIn: -120 }, /has expired/],
    ['no exp', { expiresIn: null }, /no exp claim: every token must expire/],
  ])('refuses a token with %s (401 with the reason)', async (_name, options, reason) => {
    expect(await refusal(await provider.token({ sub: 'agent-x', roles: ['agent'] }, options))).toMatch(reason);
  });

  it('refuses HS256 (even signed with Regie’s embedded secret), alg none, and a key the provider does not publish', async () => {
    const claims = {
      sub: 'agent-x',
      roles: ['agent'],
      iss: provider.issuer,
      aud: provider.audience,
      exp: Math.floor(Date.now() / 1000) + 60,
    };
    expect(await refusal(await hs256Token(claims, TEST_SECRET))).toMatch(/signed with "HS256"; accepted: RS256, ES256/);
    expect(await refusal(unsignedToken(claims))).toMatch(/signed with "none"; accepted: RS256, ES256/);
    const stranger = await newSigningKey();
    const foreign = await signToken(
      stranger,
      { sub: 'agent-x', roles: ['agent'] },
      { issuer: provider.issuer, audience: provider.audience },
    );
    expect(await refusal(foreign)).toMatch(/a key http:\/\/127\.0\.0\.1:\d+ does not publish \(unknown kid\)/);
    expect(await refusal('not.a.jwt')).toMatch(/not a JWT/);
  });
});
