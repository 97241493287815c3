import { seededRandom } from '../simulator/journeys';
import { post } from './ingest-bench';

const DAY_MS = 86_400_000;
const CHANNELS = ['web', 'app', 'chatbot', 'phone', 'live-chat', 'video', 'counter'];
/** Which survey each channel's customers answer, as the shipped concept's survey sets allow. */
const SURVEYS: Readonly<Record<string, (random: () => number) => { instrument: string; answers: object }>> = {
  phone: (random) => ({ instrument: 'nps', answers: { recommend: Math.floor(random() * 11) } }),
  video: (random) => ({
    instrument: 'csat',
    answers: {
      conversation: 1 + Math.floor(random() * 10),
      channel: 1 + Math.floor(random() * 10),
      resolved: 1 + Math.floor(random() * 10),
    },
  }),
  counter: (random) => ({
    instrument: 'csi',
    answers: {
      reachability: 1 + Math.floor(random() * 10),
      expertise: 1 + Math.floor(random() * 10),
      speed: 1 + Math.floor(random() * 10),
    },
  }),
};

const event = (id: string, type: string, subject: string, at: number, data: object) => ({
  specversion: '1.0',
  id,
  source: 'urn:regie:bench:pages',
  type,
  subject,
  time: new Date(at).toISOString(),
  data,
});

/** A year of contacts before `now`, spread evenly: started, ended with wait and handling, a third with a survey. */
export function* yearOfContacts(contacts: number, now: number): Generator<object> {
  const random = seededRandom(11);
  const start = now - 365 * DAY_MS;
  for (let index = 0; index < contacts; index += 1) {
    const at = start + Math.floor((index / contacts) * 364 * DAY_MS);
    const channel = CHANNELS[index % CHANNELS.length];
    const where = { channel, contactId: `year-${index}` };
    const customer = `year-c${Math.floor(random() * contacts * 0.6)}`;
    yield event(`year-${index}-s`, 'contact.started', customer, at, { ...where, topic: `topic-${index % 9}` });
    const outcome = random() < 0.1 ? 'abandoned' : random() < 0.8 ? 'resolved' : 'unresolved';
    const ended = { ...where, outcome, waitSeconds: Math.floor(random() * 120), handlingSeconds: 60 + Math.floor(random() * 600) };
    yield event(`year-${index}-e`, 'contact.ended', customer, at + 300_000, ended);
    const survey = SURVEYS[channel];
    if (survey && random() < 0.33)
      yield event(`year-${index}-q`, 'survey.answered', customer, at + 400_000, { ...where, ...survey(random) });
  }
}

/** One chatbot contact per customer that fails twice: each opens a live-chat case (the concept's second fallback escalates). */
export function* escalations(cases: number, now: number): Generator<object> {
  for (let index = 0; index < cases; index += 1) {
    const where = { channel: 'chatbot', contactId: `bot-${index}` };
    const at = now - 60_000 + index;
    yield event(`bot-${index}-s`, 'contact.started', `case-c${index}`, at, where);
    yield event(`bot-${index}-f1`, 'bot.fallback', `case-c${index}`, at + 1, where);
    yield event(`bot-${index}-f2`, 'bot.fallback', `case-c${index}`, at + 2, where);
  }
}

/** Posts the events in batches of 1,000 (the input limit), two in flight. */
export const postAll = async (url: string, token: string, events: Iterable<object>): Promise<number> => {
  const batches: string[] = [];
  let batch: object[] = [];
  let count = 0;
  for (const item of events) {
    batch.push(item);
    count += 1;
    if (batch.length === 1000) {
      batches.push(JSON.stringify(batch));
      batch = [];
    }
  }
  if (batch.length) batches.push(JSON.stringify(batch));
  let next = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (next < batches.length) {
        const status = await post(url, '/v1/interactions', token, batches[next++]);
        if (status !== 202) throw new Error(`ingest answered ${status}`);
      }
    }),
  );
  return count;
};
