import { Logger } from '@nestjs/common';
import type { Role } from '@regie/auth';
import { EVENT_STORE, type EventStore } from '@regie/event-store';
import { startHarness, type RegieHarness } from '@regie/testing';

/** Issue 11, every write route: the same limits hold before any guard, pipe or controller sees the body. */
const WRITE_ROUTES: readonly (readonly ['post' | 'put', string, Role])[] = [
  ['post', '/v1/interactions', 'channel'],
  ['put', '/v1/agents/me/presence', 'agent'],
  ['post', '/v1/cases/case-1/claim', 'agent'],
  ['post', '/v1/cases/case-1/escalate', 'agent'],
  ['post', '/v1/cases/case-1/resolve', 'agent'],
  ['post', '/v1/aggression-reports', 'agent'],
  ['post', '/v1/aggression-reports/rep-1/dismiss', 'supervisor'],
  ['post', '/v1/aggression-reports/rep-1/warn', 'supervisor'],
  ['post', '/v1/exclusions', 'supervisor'],
  ['post', '/v1/exclusions/exc-1/lift', 'supervisor'],
  ['put', '/v1/service-concept', 'supervisor'],
];

interface Hostile {
  readonly name: string;
  readonly contentType: string;
  readonly body: string;
  readonly status: number;
  readonly encoding?: string;
}

const HOSTILE: readonly Hostile[] = [
  { name: 'nesting 5,000 deep', contentType: 'application/json', body: `{"reason":${'['.repeat(5_000)}${']'.repeat(5_000)}}`, status: 400 },
  { name: 'a constructor key', contentType: 'application/json', body: '{"reason":"x","capacity":{"constructor":{"name":1}}}', status: 400 },
  { name: 'a __proto__ key', contentType: 'application/json', body: '{"__proto__":{"admin":true},"reason":"x"}', status: 400 },
  { name: 'a prototype key', contentType: 'application/json', body: '[{"prototype":1}]', status: 400 },
  {
    name: '95,000 keys in one object',
    contentType: 'application/json',
    body: `{${Array.from({ length: 95_000 }, (_, n) => `"k${n}":1`).join(',')}}`,
    status: 413,
  },
  { name: 'an array of 10,000 items', contentType: 'application/json', body: `[${Array(10_000).fill('{}').join(',')}]`, status: 413 },
  { name: 'a text/plain body', contentType: 'text/plain', body: 'reason=x', status: 415 },
  { name: 'a form body', contentType: 'application/x-www-form-urlencoded', body: 'reason=x', status: 415 },
  { name: 'gzip that is not gzip', contentType: 'application/json', body: '{"reason":"x"}', encoding: 'gzip', status: 400 },
];

describe('Every write route refuses hostile bodies with problem+json, before authentication, and records nothing', () => {
  let regie: RegieHarness;
  let store: EventStore;
  let head: number;
  const tokens = new Map<Role, string>();
  const errorLog = jest.spyOn(Logger.prototype, 'error');

  beforeAll(async () => {
    regie = await startHarness();
    store = regie.app.get<EventStore>(EVENT_STORE, { strict: false });
    for (const role of ['channel', 'agent', 'supervisor'] as const) tokens.set(role, await regie.token(`${role}-1`, role));
    head = await store.headPosition();
  });
  afterAll(async () => {
    await regie.stop();
    errorLog.mockRestore();
  });

  const send = (method: 'post' | 'put', path: string, hostile: Hostile, token?: string) => {
    let req = regie.http[method](path).set('Content-Type', hostile.contentType);
    if (hostile.encoding) req = req.set('Content-Encoding', hostile.encoding);
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    return req.send(hostile.body);
  };

  describe.each(HOSTILE)('$name', (hostile) => {
    it.each(WRITE_ROUTES)(`%s %s → ${hostile.status}, with a token and without one`, async (method, path, role) => {
      for (const token of [tokens.get(role), undefined]) {
        const response = await send(method, path, hostile, token);
        expect(response.status).toBe(hostile.status);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.headers['x-powered-by']).toBeUndefined();
        expect(response.body).toMatchObject({
          status: hostile.status,
          errors: [{ path: expect.any(String), message: expect.any(String) }],
        });
      }
    });
  });

  it.each(WRITE_ROUTES)(
    '%s %s: 20,000 values within every per-object limit → 413 where mappers would copy them all',
    async (method, path, role) => {
      const body = `{"reason":"x","many":[${Array(20)
        .fill(`[${Array(999).fill(0).join(',')}]`)
        .join(',')}]}`;
      const response = await send(
        method,
        path,
        { name: 'many values', contentType: 'application/json', body, status: 413 },
        tokens.get(role),
      );
      // Interactions are validated in slices, whatever their number of values (this event lacks its fields);
      // claim takes no body, so nothing maps it and the unknown case is what counts.
      const expected = { '/v1/interactions': 400, '/v1/cases/case-1/claim': 404 }[path] ?? 413;
      expect(response.status).toBe(expected);
      if (expected === 413) expect(response.body).toMatchObject({ limit: { name: 'values' }, errors: [{ path: '$' }] });
    },
  );

  it('is alive, logged no error, and recorded nothing', async () => {
    expect((await regie.http.get('/health')).status).toBe(200);
    expect(errorLog).not.toHaveBeenCalled();
    expect(await store.headPosition()).toBe(head);
  });
});
