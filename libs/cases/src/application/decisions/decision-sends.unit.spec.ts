import type { DecisionMessage } from '@regie/messaging';
import { DecisionSends } from './decision-sends';

const decision = (n: number): DecisionMessage => ({
  id: `event-${n}`,
  source: 'urn:regie:orchestrator',
  type: 'handoff.routed',
  subject: `cust-${n}`,
  time: '2026-03-01T10:00:00.000Z',
  data: {},
});
const ids = (batch: readonly DecisionMessage[]) => batch.map(({ id }) => id);

/** A broker that answers each publish when told to. */
const broker = () => {
  const published: string[][] = [];
  const answers: ((error?: Error) => void)[] = [];
  const publish = (batch: readonly DecisionMessage[]) =>
    new Promise<void>((resolve, reject) => {
      published.push(ids(batch));
      answers.push((error) => (error ? reject(error) : resolve()));
    });
  const answer = async (error?: Error) => {
    answers.shift()?.(error);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { published, publish, answer };
};

describe('DecisionSends', () => {
  it('publishes the first decision at once, and those added meanwhile together next, in the order added', async () => {
    const { published, publish, answer } = broker();
    const sends = new DecisionSends(publish);
    sends.add(decision(1));
    sends.add(decision(2));
    sends.add(decision(3));
    expect(published).toEqual([['event-1']]);
    await answer();
    expect(published).toEqual([['event-1'], ['event-2', 'event-3']]);
    await answer();
  });

  it('is settled once every decision added so far is published', async () => {
    const { publish, answer } = broker();
    const sends = new DecisionSends(publish);
    sends.add(decision(1));
    sends.add(decision(2));
    let settled = false;
    const settling = sends.settled().then(() => (settled = true));
    await answer();
    expect(settled).toBe(false);
    await answer();
    await settling;
    expect(settled).toBe(true);
  });

  it('sends a decision added as the last publish comes back, whichever microtask it is added in', async () => {
    for (let delay = 0; delay <= 6; delay += 1) {
      const { published, publish, answer } = broker();
      const sends = new DecisionSends(publish);
      sends.add(decision(1));
      const answered = answer();
      for (let tick = 0; tick < delay; tick += 1) await Promise.resolve();
      sends.add(decision(2));
      await answered;
      let settled = false;
      const settling = sends.settled().then(() => (settled = true));
      expect({ delay, published }).toEqual({ delay, published: [['event-1'], ['event-2']] });
      expect(settled).toBe(false);
      await answer();
      await settling;
    }
  });

  it('stops at a failed publish: nothing after it is sent, and settled and add throw its error', async () => {
    const { published, publish, answer } = broker();
    const sends = new DecisionSends(publish);
    sends.add(decision(1));
    sends.add(decision(2));
    const settling = sends.settled().catch((error: unknown) => error);
    await answer(new Error('broker down'));
    expect(await settling).toEqual(new Error('broker down'));
    expect(published).toEqual([['event-1']]);
    expect(() => sends.add(decision(3))).toThrow('broker down');
  });
});
