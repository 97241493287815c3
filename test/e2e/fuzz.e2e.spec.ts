import { Logger } from '@nestjs/common';
import type { Role } from '@regie/auth';
import { EVENT_STORE, type EventStore } from '@regie/event-store';
import { interaction, startHarness, type RegieHarness } from '@regie/testing';
import fc from 'fast-check';

/**
 * Property: whatever JSON a caller throws at a write route — deep, wide, long, prototype keys, or a
 * valid body with one field replaced — the answer is never a 5xx, the process keeps answering
 * /health, and a refused request records nothing (no event carries its caller as actor).
 * 800 runs (FUZZ_RUNS to change) take about 10 s; a failure prints the seed and path to replay it.
 */
const PLACEHOLDER = '"\u0000fuzz\u0000"';

/** The concept in force, read at start: its revisions are fuzzed from a valid one. */
let concept: Record<string, unknown> = {};

interface Route {
  readonly method: 'post' | 'put';
  readonly path: (id: string) => string;
  readonly role: Role;
  readonly valid: () => Record<string, unknown>;
}

const ROUTES: readonly Route[] = [
  { method: 'post', path: () => '/v1/interactions', role: 'channel', valid: () => interaction({ subject: 'cust-fuzz' }, { topic: 't' }) },
  {
    method: 'put',
    path: () => '/v1/agents/me/presence',
    role: 'agent',
    valid: () => ({ status: 'available', channels: ['live-chat'], capacity: { 'live-chat': 2 } }),
  },
  { method: 'post', path: (id) => `/v1/cases/${id}/claim`, role: 'agent', valid: () => ({}) },
  { method: 'post', path: (id) => `/v1/cases/${id}/escalate`, role: 'agent', valid: () => ({ toChannel: 'video', reason: 'r' }) },
  { method: 'post', path: (id) => `/v1/cases/${id}/resolve`, role: 'agent', valid: () => ({ outcome: 'resolved' }) },
  {
    method: 'post',
    path: () => '/v1/aggression-reports',
    role: 'agent',
    valid: () => ({ customerId: 'cust-fuzz', contactId: 'video-1', category: 'verbal', description: 'd' }),
  },
  { method: 'post', path: (id) => `/v1/aggression-reports/${id}/dismiss`, role: 'supervisor', valid: () => ({ reason: 'r' }) },
  { method: 'post', path: (id) => `/v1/aggression-reports/${id}/warn`, role: 'supervisor', valid: () => ({ reason: 'r' }) },
  {
    method: 'post',
    path: () => '/v1/exclusions',
    role: 'supervisor',
    valid: () => ({ customerId: 'cust-fuzz', endsAt: '2026-06-01T00:00:00Z', reason: 'r', reportIds: ['rep-1'], alternatives: ['phone'] }),
  },
  { method: 'post', path: (id) => `/v1/exclusions/${id}/lift`, role: 'supervisor', valid: () => ({ reason: 'r' }) },
  { method: 'put', path: () => '/v1/service-concept', role: 'supervisor', valid: () => structuredClone(concept) },
];

// ---- generated JSON text: built as text, so that "__proto__" stays a key and depth is not bounded by the stack

const nest = (levels: number, open: string, close: string, inner: string): string =>
  `${open.repeat(levels)}${inner}${close.repeat(levels)}`;

const deepText = fc
  .tuple(fc.oneof(fc.integer({ min: 28, max: 36 }), fc.integer({ min: 1, max: 12_000 })), fc.boolean())
  .map(([levels, arrays]) => (arrays ? nest(levels, '[', ']', '0') : nest(levels, '{"a":', '}', 'null')));

const wideText = fc
  .oneof(fc.integer({ min: 990, max: 1_010 }), fc.integer({ min: 0, max: 20_000 }))
  .map((keys) => `{${Array.from({ length: keys }, (_, n) => `"k${n}":${n}`).join(',')}}`);

const longArrayText = fc.integer({ min: 990, max: 12_000 }).map((items) => `[${Array(items).fill('{}').join(',')}]`);

const longStringText = fc.integer({ min: 9_990, max: 50_000 }).map((length) => JSON.stringify('x'.repeat(length)));

const reservedKeyText = fc
  .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.jsonValue({ maxDepth: 2 }), fc.integer({ min: 0, max: 3 }))
  .map(([key, value, depth]) => nest(depth, '{"x":', '}', `{"${key}":${JSON.stringify(value)}}`));

const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? 'null'), weight: 4 },
  { arbitrary: deepText, weight: 2 },
  { arbitrary: wideText, weight: 1 },
  { arbitrary: longArrayText, weight: 1 },
  { arbitrary: longStringText, weight: 1 },
  { arbitrary: reservedKeyText, weight: 2 },
);

/** Hostile JSON as the whole body; or a valid body with one field (top level or one below) replaced by it; or the valid body. */
const bodyFor = (route: Route) =>
  fc.oneof(
    { arbitrary: hostileText, weight: 4 },
    { arbitrary: fc.constant(null).map(() => JSON.stringify(route.valid())), weight: 1 },
    {
      weight: 5,
      arbitrary: fc.tuple(fc.nat(), fc.nat(), hostileText).map(([pick, pickInner, text]) => {
        const body = route.valid();
        const keys = Object.keys(body);
        if (keys.length === 0) return `{"x":${text}}`;
        const key = keys[pick % keys.length];
        const inner = body[key];
        if (typeof inner === 'object' && inner !== null && !Array.isArray(inner) && Object.keys(inner).length > 0) {
          const innerKeys = Object.keys(inner);
          body[key] = { ...inner, [innerKeys[pickInner % innerKeys.length]]: '\u0000fuzz\u0000' };
        } else body[key] = '\u0000fuzz\u0000';
        return JSON.stringify(body).replace(PLACEHOLDER, () => text);
      }),
    },
  );

const request = fc.constantFrom(...ROUTES).chain((route) =>
  fc.record({
    route: fc.constant(route),
    id: fc.oneof(fc.constantFrom('case-1', 'rep-1', 'exc-1'), fc.string({ maxLength: 40 })),
    body: bodyFor(route),
    contentType: fc.constantFrom('application/json', 'application/json', 'application/cloudevents+json', 'text/plain'),
  }),
);

describe('Fuzzing every write route with generated JSON', () => {
  let regie: RegieHarness;
  let store: EventStore;
  let caller = 0;
  const errorLog = jest.spyOn(Logger.prototype, 'error');

  beforeAll(async () => {
    regie = await startHarness({ env: { REGIE_RATE_LIMIT: '0' } });
    store = regie.app.get<EventStore>(EVENT_STORE, { strict: false });
    const supervisor = await regie.token('supervisor-reader', 'supervisor');
    concept = (await regie.http.get('/v1/service-concept').set('Authorization', `Bearer ${supervisor}`).expect(200)).body;
  });
  afterAll(async () => {
    await regie.stop();
    errorLog.mockRestore();
  });

  it('never answers 5xx, stays alive, and records nothing of a refused request', async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({ route, id, body, contentType }) => {
        caller += 1;
        const sub = `fuzz-${caller}`;
        const token = await regie.token(sub, route.role);
        const before = await store.headPosition();
        const response = await regie.http[route.method](route.path(encodeURIComponent(id)))
          .set('Authorization', `Bearer ${token}`)
          .set('Content-Type', contentType)
          .send(body);
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
          const recorded = await store.readAll({ after: before });
          expect(recorded.filter((event) => event.metadata.actor === sub)).toEqual([]);
        }
        expect((await regie.http.get('/health')).status).toBe(200);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 800) },
    );
    expect(errorLog).not.toHaveBeenCalled();
  }, 120_000);
});
