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
  | 'phone-call'
  | 'video-call'
  | 'counter-visit';

/** Share of customers per persona; most finish in self-service. */
export const PERSONA_MIX: readonly (readonly [Persona, number])[] = [
  ['web-task-done', 0.36],
  ['app-task-done', 0.12],
  ['chatbot-answered', 0.16],
  ['chatbot-stuck', 0.08],
  ['chatbot-asks-person', 0.05],
  ['chatbot-frustrated', 0.03],
  ['task-fails-twice', 0.06],
  ['asks-video', 0.03],
  ['phone-call', 0.07],
  ['video-call', 0.02],
  ['counter-visit', 0.02],
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

/** Waits are mostly short with a long tail (an exponential around `meanSeconds`). */
const waitOf = (random: () => number, meanSeconds: number): number => Math.round(-Math.log(1 - random()) * meanSeconds);
/** A score on 1–10 (or 0–10) leaning towards `mood`, the way satisfied and unhappy customers answer. */
const scoreOf = (random: () => number, mood: number, min = 1): number =>
  Math.max(min, Math.min(10, Math.round(mood + (random() - 0.5) * 4)));

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
          step(
            think(),
            event('task.completed', 'web', web, { task }),
            event('contact.ended', 'web', web, { outcome: 'resolved' }),
            ...(random() < 0.2
              ? [event('survey.answered', 'web', web, { instrument: 'nps', answers: { recommend: scoreOf(random, 8, 0) } })]
              : []),
          ),
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
        // Waits around the 30 s promise, a few hang up, one in six calls back about the same topic (no first-contact resolution)
        const call = (id: string): SimulatedEvent[] => {
          const waitSeconds = waitOf(random, 25);
          const abandoned = waitSeconds > 60 && random() < 0.5;
          const mood = waitSeconds > 30 ? 5 : 8;
          return [
            event('contact.started', 'phone', id, { topic }),
            event('contact.ended', 'phone', id, {
              outcome: abandoned ? 'abandoned' : random() < 0.8 ? 'resolved' : 'unresolved',
              waitSeconds,
              ...(!abandoned && { handlingSeconds: 120 + Math.floor(random() * 360) }),
            }),
            ...(abandoned || random() < 0.6
              ? []
              : [
                  event('survey.answered', 'phone', id, {
                    instrument: 'csi',
                    answers: { reachability: scoreOf(random, mood), expertise: scoreOf(random, 8), speed: scoreOf(random, mood) },
                  }),
                ]),
          ];
        };
        const again = random() < 0.17;
        return [step(0, ...call(`call-${customerId}`)), ...(again ? [step(think(), ...call(`call2-${customerId}`))] : [])];
      }
      case 'video-call': {
        // The three-question pop-up after each video call (the concept's CSAT set)
        const id = `video-${customerId}`;
        const mood = 6 + random() * 4;
        return [
          step(0, event('contact.started', 'video', id, { topic })),
          step(
            think(),
            event('contact.ended', 'video', id, {
              outcome: random() < 0.85 ? 'resolved' : 'unresolved',
              waitSeconds: waitOf(random, 60),
              handlingSeconds: 300 + Math.floor(random() * 700),
            }),
            event('survey.answered', 'video', id, {
              instrument: 'csat',
              answers: { conversation: scoreOf(random, mood), channel: scoreOf(random, mood - 1), resolved: scoreOf(random, mood) },
            }),
          ),
        ];
      }
      case 'counter-visit': {
        const id = `counter-${customerId}`;
        return [
          step(
            0,
            event('contact.started', 'counter', id, { topic }),
            event('contact.ended', 'counter', id, {
              outcome: 'resolved',
              waitSeconds: waitOf(random, 300),
              handlingSeconds: 300 + Math.floor(random() * 900),
            }),
            event('survey.answered', 'counter', id, {
              instrument: 'csi',
              answers: { reachability: scoreOf(random, 6), expertise: scoreOf(random, 9), speed: scoreOf(random, 7) },
            }),
          ),
        ];
      }
    }
  })();
  return { customerId, persona, steps };
};
