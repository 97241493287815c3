import { Writable } from 'node:stream';
import { EVENT_STORE, type EventStore } from '@regie/event-store';
import { eventually, interaction, startHarness, type RegieHarness } from '@regie/testing';

jest.setTimeout(30_000);

/** Every byte the app logs, as it wrote it. */
class CapturedLog extends Writable {
  private readonly chunks: Buffer[] = [];

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(Buffer.from(chunk));
    done();
  }

  get bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }

  lines(): Record<string, unknown>[] {
    return this.bytes
      .toString('utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

// Values a log must never hold, planted on every path below.
const CUSTOMER = 'cust-planted-5d1e9c';
const DESCRIPTION = 'planted-description: shouted at the agent';
const REASON = 'planted-reason: threats in two video calls';
const LIFT_REASON = 'planted-lift-reason: apology by letter';
const FOREIGN_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJtYWxsb3J5Iiwicm9sZXMiOlsic3VwZXJ2aXNvciJdLCJleHAiOjQxMDI0NDQ4MDB9.cGxhbnRlZC1zaWduYXR1cmUtb2YtYS1mb3JlaWduLXRva2Vu';

describe('Structured logs: JSON lines with a request id, and no personal data or token on any path', () => {
  const log = new CapturedLog();
  let regie: RegieHarness;
  const tokens: string[] = [];
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    regie = await startHarness({ env: { REGIE_LOG_LEVEL: 'debug' }, logTo: log });
  });
  afterAll(() => regie.stop());

  const token = async (sub: string, role: Parameters<RegieHarness['token']>[1]) => {
    const signed = await regie.token(sub, role);
    tokens.push(signed);
    return signed;
  };

  it('drives ingest, the journey, a bad request, a report with a description, an exclusion with a reason, a 401, a 500 and an erasure', async () => {
    const channel = await token('video-platform', 'channel');
    const agent = await token('agent-anna', 'agent');
    const supervisor = await token('sup-sara', 'supervisor');
    const other = await token('sup-olaf', 'supervisor');

    await regie.http
      .post('/v1/interactions')
      .set(auth(channel))
      .send(interaction({ subject: CUSTOMER, type: 'video.requested' }, { channel: 'video', contactId: `video-${CUSTOMER}` }))
      .expect(202);
    await regie.http.get(`/v1/customers/${CUSTOMER}/journey`).set(auth(agent)).expect(200);
    await regie.http
      .post('/v1/interactions')
      .set(auth(channel))
      .send(interaction({ subject: CUSTOMER }, { channel: `pigeon-${CUSTOMER}` }))
      .expect(400);

    const report = await regie.http
      .post('/v1/aggression-reports')
      .set(auth(agent))
      .send({ customerId: CUSTOMER, contactId: `video-${CUSTOMER}`, category: 'threat', description: DESCRIPTION })
      .expect(201);
    const exclusion = await regie.http
      .post('/v1/exclusions')
      .set(auth(supervisor))
      .send({
        customerId: CUSTOMER,
        channels: ['video'],
        endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        reason: REASON,
        reportIds: [report.body.id],
        alternatives: ['phone'],
      })
      .expect(201);
    await regie.http.get(`/v1/exclusions?customerId=${CUSTOMER}`).set(auth(supervisor)).expect(200);
    await regie.http.get(`/v1/customers/${CUSTOMER}/eligibility?channel=video`).set(auth(channel)).expect(200);
    await regie.http.post(`/v1/exclusions/${exclusion.body.id}/lift`).set(auth(other)).send({ reason: LIFT_REASON }).expect(200);
    // Refused by a rule (the reporter may not decide on their own report), with the reason in the body.
    await regie.http.post(`/v1/aggression-reports/${report.body.id}/dismiss`).set(auth(agent)).send({ reason: REASON }).expect(403);

    const unauthorized = await regie.http.get(`/v1/customers/${CUSTOMER}/journey`).set(auth(FOREIGN_TOKEN)).expect(401);
    expect(unauthorized.headers['content-type']).toMatch(/application\/problem\+json/);

    // The store fails once, with an error naming the stream (as adapters do): a 500, logged without the message.
    const store = regie.app.get<symbol, EventStore>(EVENT_STORE);
    jest.spyOn(store, 'readStream').mockRejectedValueOnce(new Error(`cannot read stream journey-${CUSTOMER}: disk I/O error`));
    await regie.http.get(`/v1/customers/${CUSTOMER}/journey`).set(auth(agent)).expect(500);

    // Erased on request, to the end: the erasure names the customer in its path and its request stream.
    const erasure = await regie.http.delete(`/v1/customers/${CUSTOMER}`).set(auth(supervisor)).expect(202);
    await eventually(async () =>
      expect((await regie.http.get(erasure.headers.location!).set(auth(supervisor)).expect(200)).body).toMatchObject({
        status: 'completed',
      }),
    );

    const bytes = log.bytes;
    for (const planted of [CUSTOMER, DESCRIPTION, REASON, LIFT_REASON, FOREIGN_TOKEN, ...tokens]) {
      expect({ planted, found: bytes.includes(planted) }).toEqual({ planted, found: false });
    }
    // Nor the signature alone, nor the customer id's distinctive part (in a path, a query or an error).
    for (const part of [...[FOREIGN_TOKEN, ...tokens].map((jwt) => jwt.split('.')[2]!), '5d1e9c']) {
      expect({ part, found: bytes.includes(part) }).toEqual({ part, found: false });
    }

    const lines = log.lines();
    const answered = lines.filter((line) => line.msg === 'request answered' || line.msg === 'request failed');
    expect(answered.map((line) => [line.route, (line.res as { status: number }).status])).toEqual(
      expect.arrayContaining([
        ['/v1/interactions', 202],
        ['/v1/interactions', 400],
        ['/v1/aggression-reports', 201],
        ['/v1/exclusions', 201],
        ['/v1/customers/:id/journey', 401],
        ['/v1/customers/:id/journey', 500],
      ]),
    );
    expect(answered.filter((line) => typeof line.requestId !== 'string')).toEqual([]);
    const failure = lines.find((line) => line.level === 'error' && String(line.msg).startsWith('GET /v1/customers/:id/journey failed'));
    expect(failure).toMatchObject({ context: 'http', requestId: expect.any(String) });
    // Nest's own start-up lines came through pino too.
    expect(lines.some((line) => line.context === 'RoutesResolver' && line.level === 'debug')).toBe(true);
  });

  it('honours a sane X-Request-Id, echoes it, and names it in the problem body and on the log line', async () => {
    const sent = 'trace-4bf92f3577b34da6';
    const response = await regie.http.get('/v1/cases').set('X-Request-Id', sent).expect(401);
    expect(response.headers['x-request-id']).toBe(sent);
    expect(response.body).toMatchObject({ status: 401, requestId: sent });
    expect(log.lines().filter((line) => line.requestId === sent)).toEqual([
      expect.objectContaining({ msg: 'request answered', req: { method: 'GET' }, route: '/v1/cases', res: { status: 401 } }),
    ]);

    const forged = await regie.http.get('/v1/cases').set('X-Request-Id', `${CUSTOMER} says hi`).expect(401);
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(forged.body.requestId).toBe(forged.headers['x-request-id']);
    expect(log.bytes.includes(CUSTOMER)).toBe(false);
  });

  it('logs a body refused before routing, with its id, and answers /health and /metrics without a token', async () => {
    const refused = await regie.http.post('/v1/interactions').set('Content-Type', 'application/json').send('{"subject": "').expect(400);
    const line = log.lines().find((candidate) => candidate.requestId === refused.body.requestId);
    expect(line).toMatchObject({ msg: 'request answered', res: { status: 400 } });
    await regie.http.get('/metrics').expect(200);
  });
});
