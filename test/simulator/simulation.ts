import { request } from 'node:http';
import { openSse, type SseConnection } from '../support/sse-client';
import { summarise } from '../bench/stats';
import { journeyFor, seededRandom, type Persona, type SimulatedJourney } from './journeys';

export interface SimulationOptions {
  readonly url: string;
  /** Token with the `channel` role, for posting interactions. */
  readonly channelToken: string;
  /** One token with the `agent` role per simulated agent. */
  readonly agentTokens: readonly { readonly id: string; readonly token: string }[];
  readonly customers: number;
  /** Customers starting per second. */
  readonly rate: number;
  readonly seed?: number;
  /** How long an agent works a case before resolving it. */
  readonly handleMs?: number;
  /** How long to wait, after the last customer, for escalations still to be assigned. */
  readonly drainMs?: number;
  readonly onProgress?: (line: string) => void;
}

export interface SimulationReport {
  readonly customers: number;
  readonly eventsPosted: number;
  readonly byPersona: Readonly<Partial<Record<Persona, number>>>;
  readonly escalations: number;
  readonly assigned: number;
  readonly resolved: number;
  readonly elapsedMs: number;
  /** From posting the triggering event to the agent seeing the assignment, in ms. */
  readonly escalationLatency: { readonly p50: number; readonly p99: number; readonly max: number; readonly samples: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const httpJson = (
  url: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      `${url}${path}`,
      {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload !== undefined && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });

const expectStatus = async (call: Promise<{ status: number; body: string }>, expected: number, what: string) => {
  const { status, body } = await call;
  if (status !== expected) throw new Error(`${what} answered ${status}: ${body.slice(0, 300)}`);
};

/**
 * Plays customers' journeys against a running Regie over HTTP while simulated agents take the
 * escalated cases from their SSE stream and resolve them.
 */
export const runSimulation = async (options: SimulationOptions): Promise<SimulationReport> => {
  const { url, channelToken, customers, rate } = options;
  const handleMs = options.handleMs ?? 200;
  const random = seededRandom(options.seed ?? 20_261_123);
  const run = Date.now().toString(36);
  const triggeredAt = new Map<string, number>();
  const latencies: number[] = [];
  const byPersona: Partial<Record<Persona, number>> = {};
  let eventsPosted = 0;
  let assigned = 0;
  let resolved = 0;
  const resolutions: Promise<void>[] = [];

  const streams: SseConnection[] = [];
  for (const agent of options.agentTokens) {
    await expectStatus(
      httpJson(url, 'PUT', '/v1/agents/me/presence', agent.token, {
        status: 'available',
        channels: ['live-chat', 'phone', 'video'],
        capacity: { 'live-chat': 3, phone: 1, video: 1 },
      }),
      200,
      'presence',
    );
    const stream = openSse(`${url}/v1/cases/stream`, agent.token, (event) => {
      if (event.type !== 'case.assigned') return;
      const kase = event.data as { id: string; customerId: string };
      const sent = triggeredAt.get(kase.customerId);
      if (sent !== undefined) {
        latencies.push(performance.now() - sent);
        triggeredAt.delete(kase.customerId);
      }
      assigned += 1;
      resolutions.push(
        sleep(handleMs)
          .then(() =>
            expectStatus(httpJson(url, 'POST', `/v1/cases/${kase.id}/resolve`, agent.token, { outcome: 'resolved' }), 200, 'resolve'),
          )
          .then(() => void (resolved += 1)),
      );
    });
    if ((await stream.status) !== 200) throw new Error('the case stream refused an agent');
    streams.push(stream);
  }

  const play = async (journey: SimulatedJourney): Promise<void> => {
    byPersona[journey.persona] = (byPersona[journey.persona] ?? 0) + 1;
    for (const step of journey.steps) {
      await sleep(step.pauseMs);
      if (step.escalates) triggeredAt.set(journey.customerId, performance.now());
      await expectStatus(httpJson(url, 'POST', '/v1/interactions', channelToken, step.events), 202, 'ingest');
      eventsPosted += step.events.length;
    }
  };

  const started = performance.now();
  const players: Promise<void>[] = [];
  const escalating = new Set<string>();
  for (let index = 0; index < customers; index += 1) {
    const due = started + (index / rate) * 1000;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const journey = journeyFor(index, random, run, new Date());
    if (journey.steps.some((step) => step.escalates)) escalating.add(journey.customerId);
    players.push(play(journey));
    if (index > 0 && index % Math.max(1, Math.round(rate * 5)) === 0)
      options.onProgress?.(`${index} customers started, ${assigned} cases assigned`);
  }
  await Promise.all(players);
  const drainUntil = performance.now() + (options.drainMs ?? 30_000);
  while (triggeredAt.size > 0 && performance.now() < drainUntil) await sleep(50);
  await Promise.all(resolutions);
  const elapsedMs = performance.now() - started;
  streams.forEach((stream) => stream.close());
  return {
    customers,
    eventsPosted,
    byPersona,
    escalations: escalating.size,
    assigned,
    resolved,
    elapsedMs,
    escalationLatency: { ...summarise(latencies), samples: latencies.length },
  };
};
