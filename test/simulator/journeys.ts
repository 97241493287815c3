/**
 * Realistic multichannel journeys of a municipality's public, as interaction CloudEvents. Most
 * customers finish in self-service; some get stuck and are lifted to a person. Pure: the same
 * seed gives the same journeys.
 */
export interface SimulatedEvent {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly subject: string;
  readonly time: string;
  readonly data: Record<string, unknown>;
}

export interface JourneyStep {
  /** Pause before this step, in milliseconds of simulated (compressed) time. */
  readonly pauseMs: number;
  readonly events: readonly SimulatedEvent[];
  /** Set on the step whose events should open a case: the escalation's trigger. */
  readonly escalates?: boolean;
}

export interface SimulatedJourney {
  readonly customerId: string;
  readonly persona: Persona;
  readonly steps: readonly JourneyStep[];
}

export type Persona =
  | 'web-task-done'
  | 'app-task-done'
  | 'chatbot-answered'
  | 'chatbot-stuck'
  | 'chatbot-asks-person'
  | 'chatbot-frustrated'
  | 'task-fails-twice'
  | 'asks-video'
  | 'phone-call';

/** Share of customers per persona; most finish in self-service. */
export const PERSONA_MIX: readonly (readonly [Persona, number])[] = [
  ['web-task-done', 0.4],
  ['app-task-done', 0.12],
  ['chatbot-answered', 0.16],
  ['chatbot-stuck', 0.08],
  ['chatbot-asks-person', 0.05],
  ['chatbot-frustrated', 0.03],
  ['task-fails-twice', 0.06],
  ['asks-video', 0.03],
  ['phone-call', 0.07],
];

const TOPICS = ['parking permit', 'moving house', 'passport appointment', 'waste collection', 'housing benefit', 'building permit'];
const TASKS = ['request-parking-permit', 'report-move', 'book-appointment', 'report-litter'];

/** Mulberry32: a tiny seeded generator, so a run can be replayed. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

export const pickPersona = (random: () => number): Persona => {
  let roll = random();
  for (const [persona, share] of PERSONA_MIX) {
    roll -= share;
    if (roll < 0) return persona;
  }
  return 'web-task-done';
};

/** Builds one customer's journey; `run` keeps ids unique across simulator runs. */
export const journeyFor = (index: number, random: () => number, run: string, startedAt: Date): SimulatedJourney => {
  const customerId = `sim-${run}-${index}`;
  const persona = pickPersona(random);
  const topic = pick(random, TOPICS);
  let clock = startedAt.getTime();
  let sequence = 0;
  const event = (type: string, channel: string, contactId: string, data: Record<string, unknown> = {}): SimulatedEvent => {
    clock += 1_000 + Math.floor(random() * 20_000);
    sequence += 1;
    return {
      specversion: '1.0',
      id: `${customerId}-${sequence}`,
      source: `urn:regie:simulator:${channel}`,
      type,
      subject: customerId,
      time: new Date(clock).toISOString(),
      data: { channel, contactId, ...data },
    };
  };
  const step = (pauseMs: number, ...events: SimulatedEvent[]): JourneyStep => ({ pauseMs, events });
  const trigger = (pauseMs: number, ...events: SimulatedEvent[]): JourneyStep => ({ pauseMs, events, escalates: true });
  const think = () => 20 + Math.floor(random() * 80);

  const web = `web-${customerId}`;
  const chat = `chat-${customerId}`;
  const steps: JourneyStep[] = (() => {
    switch (persona) {
      case 'web-task-done': {
        const task = pick(random, TASKS);
        return [
          step(0, event('contact.started', 'web', web, { topic })),
          step(think(), event('task.completed', 'web', web, { task }), event('contact.ended', 'web', web, { outcome: 'resolved' })),
        ];
      }
      case 'app-task-done': {
        const task = pick(random, TASKS);
        return [
          step(
            0,
            event('contact.started', 'app', web, { topic }),
            event('task.completed', 'app', web, { task }),
            event('contact.ended', 'app', web, { outcome: 'resolved' }),
          ),
        ];
      }
      case 'chatbot-answered':
        return [
          step(0, event('contact.started', 'chatbot', chat, { topic })),
          step(think(), event('bot.fallback', 'chatbot', chat, { confidence: 0.3 })),
          step(
            think(),
            event('contact.ended', 'chatbot', chat, { outcome: 'resolved' }),
            event('survey.answered', 'chatbot', chat, { instrument: 'nps', answers: { recommend: 6 + Math.floor(random() * 5) } }),
          ),
        ];
      case 'chatbot-stuck':
        return [
          step(0, event('contact.started', 'chatbot', chat, { topic })),
          step(think(), event('bot.fallback', 'chatbot', chat, { confidence: 0.2 })),
          trigger(think(), event('bot.fallback', 'chatbot', chat, { confidence: 0.1 })),
        ];
      case 'chatbot-asks-person':
        return [
          step(0, event('contact.started', 'chatbot', chat, { topic })),
          trigger(think(), event('handoff.requested', 'chatbot', chat, { reason: 'wants a person' })),
        ];
      case 'chatbot-frustrated':
        return [
          step(0, event('contact.started', 'chatbot', chat, { topic })),
          trigger(think(), event('sentiment.observed', 'chatbot', chat, { score: -0.8 })),
        ];
      case 'task-fails-twice': {
        const task = pick(random, TASKS);
        return [
          step(0, event('contact.started', 'web', web, { topic })),
          step(think(), event('task.failed', 'web', web, { task })),
          step(think(), event('task.failed', 'web', web, { task }), event('contact.ended', 'web', web, { outcome: 'unresolved' })),
        ];
      }
      case 'asks-video':
        return [
          step(0, event('contact.started', 'web', web, { topic })),
          trigger(think(), event('video.requested', 'web', web, { topic })),
        ];
      case 'phone-call': {
        const call = `call-${customerId}`;
        return [
          step(0, event('contact.started', 'phone', call, { topic })),
          step(
            think(),
            event('contact.ended', 'phone', call, {
              outcome: random() < 0.8 ? 'resolved' : 'unresolved',
              waitSeconds: Math.floor(random() * 90),
              handlingSeconds: 60 + Math.floor(random() * 500),
            }),
          ),
        ];
      }
    }
  })();
  return { customerId, persona, steps };
};
