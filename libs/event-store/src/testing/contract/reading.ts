import { randomUUID } from 'node:crypto';
import type { EventStore, RecordedEvent } from '../../event-store.port';
import { START } from '../../event-store.port';
import { event, type ContractContext, type EventStoreUnderTest } from './support';

export const describeReading = (context: ContractContext): void => {
  describe('reading', () => {
    let store: EventStore;
    let stream: string;
    beforeEach(() => {
      store = context.store();
      stream = context.stream();
    });
    it('reads a missing stream as empty', async () => {
      expect(await store.readStream(`missing-${randomUUID()}`)).toEqual([]);
    });

    it('reads a stream from a revision, at most maxCount events', async () => {
      await store.appendToStream(
        stream,
        ['A', 'B', 'C', 'D'].map((t) => event(t)),
      );
      const page = await store.readStream(stream, { fromRevision: 1, maxCount: 2 });
      expect(page.map((e) => e.type)).toEqual(['B', 'C']);
    });

    it('reads all streams in global order after a position, filtered by prefix', async () => {
      const tag = randomUUID();
      const head = await store.headPosition();
      await store.appendToStream(`journey-${tag}`, [event('J1')]);
      await store.appendToStream(`case-${tag}`, [event('C1')]);
      await store.appendToStream(`journey-${tag}`, [event('J2')]);
      const all = await store.readAll({ after: head });
      expect(all.map((e) => e.type)).toEqual(['J1', 'C1', 'J2']);
      expect(await store.headPosition()).toBe(all[2].position);
      const cases = await store.readAll({ after: head, streamPrefixes: ['case-'] });
      expect(cases.map((e) => e.type)).toEqual(['C1']);
      const afterFirst = await store.readAll({ after: all[0].position, maxCount: 1 });
      expect(afterFirst.map((e) => e.type)).toEqual(['C1']);
    });
  });
};

export const describeSubscribing = (context: ContractContext): void => {
  describe('subscribing', () => {
    let subject: EventStoreUnderTest;
    let store: EventStore;
    beforeEach(() => {
      subject = context.subject();
      store = context.store();
    });
    const collectUntil = (count: number, options: { after?: number; streamPrefixes?: string[] }) => {
      const seen: RecordedEvent[] = [];
      let resolveDone: () => void = () => undefined;
      const complete = new Promise<void>((resolve) => (resolveDone = resolve));
      const subscription = store.subscribe({
        ...options,
        onEvent: (e) => {
          seen.push(e);
          if (seen.length === count) resolveDone();
        },
      });
      return { seen, complete, subscription };
    };

    it('catches up with what is stored, then receives new events live, in order', async () => {
      const tag = `sub${randomUUID()}-`;
      const head = await store.headPosition();
      await store.appendToStream(`${tag}a`, [event('One'), event('Two')]);
      const { seen, complete, subscription } = collectUntil(4, { after: head, streamPrefixes: [tag] });
      await subject.other.appendToStream(`${tag}b`, [event('Three')]);
      await store.appendToStream(`${tag}a`, [event('Four')]);
      await complete;
      await subscription.stop();
      expect(seen.map((e) => e.type)).toEqual(['One', 'Two', 'Three', 'Four']);
      expect(seen.map((e) => e.position)).toEqual([...seen.map((e) => e.position)].sort((a, b) => a - b));
    });

    it('starts after the given position and stops cleanly', async () => {
      const tag = `sub${randomUUID()}-`;
      await store.appendToStream(`${tag}a`, [event('Old')]);
      const head = await store.headPosition();
      const { seen, complete, subscription } = collectUntil(1, { after: head, streamPrefixes: [tag] });
      await store.appendToStream(`${tag}a`, [event('New')]);
      await complete;
      await subscription.stop();
      await store.appendToStream(`${tag}a`, [event('AfterStop')]);
      await subscription.done;
      expect(seen.map((e) => e.type)).toEqual(['New']);
    });

    it('reports, when caught up, how far it has seen, events outside its prefixes included', async () => {
      const tag = `seen${randomUUID()}-`;
      await store.appendToStream(`${tag}a`, [event('Mine')]);
      await store.appendToStream(`other${randomUUID()}`, [event('NotMine')]);
      const head = await store.headPosition();
      let seen = START;
      const subscription = store.subscribe({
        after: START,
        streamPrefixes: [tag],
        onEvent: () => undefined,
        onCaughtUp: (position) => (seen = Math.max(seen, position)),
      });
      try {
        const until = Date.now() + 10_000;
        while (seen < head && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
        expect(seen).toBeGreaterThanOrEqual(head);
      } finally {
        await subscription.stop();
      }
    });

    it('reports a failing handler through onError and stops', async () => {
      const tag = `sub${randomUUID()}-`;
      await store.appendToStream(`${tag}a`, [event('Boom')]);
      const errors: unknown[] = [];
      const subscription = store.subscribe({
        after: START,
        streamPrefixes: [tag],
        onEvent: () => {
          throw new Error('handler failed');
        },
        onError: (error) => errors.push(error),
      });
      await subscription.done;
      expect(errors).toHaveLength(1);
      expect((errors[0] as Error).message).toBe('handler failed');
    });
  });
};
