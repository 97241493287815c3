import { Agent, request } from 'node:http';
import { post } from './ingest-bench';
import { summarise } from './stats';

/** What the heaviest accepted requests may cost other callers: the event loop must answer /health within this. */
export const HEALTH_GOAL_MS = 100;

const BODY_LIMIT = 1024 * 1024;
const KEYS_LIMIT = 1_000;
const ITEMS_LIMIT = 1_000;
const DEPTH_LIMIT = 32;

let serial = 0;

const event = (data: Record<string, unknown> = {}) => {
  serial += 1;
  return {
    specversion: '1.0',
    id: `limits-${serial}`,
    source: 'urn:regie:bench:limits',
    type: 'contact.started',
    subject: `limits-${serial % 500}`,
    time: new Date(Date.UTC(2026, 1, 1) + serial * 1000).toISOString(),
    data: { channel: 'chatbot', contactId: `chat-${serial}`, ...data },
  };
};

/** As many events as fit under the body limit (at most the batch limit), each made by `make`. */
const fill = (make: () => object): string => {
  const items: string[] = [];
  let size = 2;
  for (;;) {
    const next = JSON.stringify(make());
    if (items.length === ITEMS_LIMIT || size + next.length + 1 > BODY_LIMIT) break;
    items.push(next);
    size += next.length + 1;
  }
  return `[${items.join(',')}]`;
};

const wideData = () => Object.fromEntries(Array.from({ length: KEYS_LIMIT - 2 }, (_, n) => [`k${n}`, n]));
/** batch (1) → event (2) → data (3) → nested (4 … 32). */
const deepValue = () => {
  let value: unknown = 1;
  for (let level = 4; level <= DEPTH_LIMIT; level += 1) value = [value];
  return value;
};

/** The heaviest requests the limits still accept, each a body just under 1 MB or a full batch. */
export const HEAVY_REQUESTS: readonly { readonly name: string; readonly body: () => string }[] = [
  { name: `largest batch (${ITEMS_LIMIT} events)`, body: () => fill(() => event({ topic: 'parking permit renewal' })) },
  { name: `widest objects (${KEYS_LIMIT} keys per data, 1 MB)`, body: () => fill(() => event(wideData())) },
  { name: `deepest (${DEPTH_LIMIT} levels, ${ITEMS_LIMIT} events)`, body: () => fill(() => event({ nested: deepValue() })) },
  { name: `refused: ${ITEMS_LIMIT} invalid events`, body: () => fill(() => ({ id: 1, data: { channel: 'fax' } })) },
];

const health = (url: string, agent: Agent): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request(`${url}/health`, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });

export interface HeavyResult {
  readonly name: string;
  readonly bytes: number;
  readonly statuses: readonly number[];
  readonly requestMs: ReturnType<typeof summarise>;
  readonly healthMs: ReturnType<typeof summarise>;
}

/** Posts each kind of heavy request `rounds` times, one after the other, while /health is polled without pause. */
export const healthUnderHeavyRequests = async (url: string, token: string, rounds: number, only?: number): Promise<HeavyResult[]> => {
  const results: HeavyResult[] = [];
  for (const heavy of only === undefined ? HEAVY_REQUESTS : [HEAVY_REQUESTS[only]]) {
    // One unmeasured round first: the figure is the steady state, not the JIT compiling a path for the first time.
    await post(url, '/v1/interactions', token, heavy.body());
    const bodies = Array.from({ length: rounds }, () => heavy.body());
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const healthLatencies: number[] = [];
    const requestLatencies: number[] = [];
    const statuses: number[] = [];
    let done = false;
    const poller = (async () => {
      while (!done) {
        const t0 = performance.now();
        if ((await health(url, agent)) !== 200) throw new Error('/health failed under load');
        healthLatencies.push(performance.now() - t0);
      }
    })();
    for (const body of bodies) {
      const t0 = performance.now();
      statuses.push(await post(url, '/v1/interactions', token, body));
      requestLatencies.push(performance.now() - t0);
    }
    done = true;
    await poller;
    agent.destroy();
    results.push({
      name: heavy.name,
      bytes: Buffer.byteLength(bodies[0]),
      statuses: [...new Set(statuses)],
      requestMs: summarise(requestLatencies),
      healthMs: summarise(healthLatencies),
    });
  }
  return results;
};
