import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, RecordedEvent } from '../event-store.port';
import { ANY, NO_STREAM, START, STREAM_EXISTS } from '../event-store.port';
import { ExpectedRevisionConflictError } from '../errors';

export interface EventStoreUnderTest {
  readonly store: EventStore;
  /** A second handle on the same store (another connection where the adapter has them). */
  readonly other: EventStore;
  dispose(): Promise<void>;
}

const event = (type: string, data: Record<string, unknown> = {}, idempotencyKey?: string): NewEvent => ({
  type,
  data,
  metadata: { causationId: randomUUID(), correlationId: 'c-1', actor: 'tester', ...(idempotencyKey ? { idempotencyKey } : {}) },
});

const settle = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);

/** The behaviour every event store adapter must have. Run it once per adapter. */
export const describeEventStoreContract = (adapter: string, create: () => Promise<EventStoreUnderTest>, skipReason?: string): void => {
  const suite = skipReason ? describe.skip : describe;
  suite(`EventStore contract: ${adapter}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let subject: EventStoreUnderTest;
    let store: EventStore;
    let stream: string;

    beforeEach(async () => {
      subject = await create();
      store = subject.store;
      stream = `journey-${randomUUID()}`;
    });
    afterEach(async () => subject.dispose());

    describe('appending', () => {
      it('numbers a new stream from revision 0 and positions increase', async () => {
        const result = await store.appendToStream(stream, [event('A'), event('B')], { expectedRevision: NO_STREAM });
        expect(result).toMatchObject({ nextExpectedRevision: 1, appended: 2, duplicates: [] });
        const events = await store.readStream(stream);
        expect(events.map((e) => [e.type, e.revision])).toEqual([
          ['A', 0],
          ['B', 1],
        ]);
        expect(events[1].position).toBeGreaterThan(events[0].position);
        expect(result.position).toBe(events[1].position);
      });

      it('keeps data and metadata as given', async () => {
        const original = event('A', { channel: 'chatbot', nested: { score: -0.5, list: [1, 2] } }, 'src#1');
        await store.appendToStream(stream, [original]);
        const [recorded] = await store.readStream(stream);
        expect(recorded.data).toEqual(original.data);
        expect(recorded.metadata).toEqual(original.metadata);
        expect(recorded.streamName).toBe(stream);
        expect(typeof recorded.eventId).toBe('string');
        expect(Number.isNaN(Date.parse(recorded.recordedAt))).toBe(false);
      });

      it('accepts the matching numeric revision and refuses a stale one with the actual revision', async () => {
        await store.appendToStream(stream, [event('A')], { expectedRevision: NO_STREAM });
        await store.appendToStream(stream, [event('B')], { expectedRevision: 0 });
        const stale = store.appendToStream(stream, [event('C')], { expectedRevision: 0 });
        await expect(stale).rejects.toBeInstanceOf(ExpectedRevisionConflictError);
        await expect(stale).rejects.toMatchObject({ stream, expected: 0, actual: 1 });
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('refuses no_stream on an existing stream and stream_exists on a missing one', async () => {
        await expect(store.appendToStream(stream, [event('A')], { expectedRevision: STREAM_EXISTS })).rejects.toMatchObject({
          actual: -1,
        });
        await store.appendToStream(stream, [event('A')], { expectedRevision: NO_STREAM });
        await expect(store.appendToStream(stream, [event('B')], { expectedRevision: NO_STREAM })).rejects.toBeInstanceOf(
          ExpectedRevisionConflictError,
        );
        await store.appendToStream(stream, [event('B')], { expectedRevision: STREAM_EXISTS });
        await store.appendToStream(stream, [event('C')], { expectedRevision: ANY });
        await store.appendToStream(stream, [event('D')]);
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
      });

      it('lets exactly one of many concurrent appends win each revision', async () => {
        await store.appendToStream(stream, [event('Start')]);
        const handles = [store, subject.other];
        const attempts = Array.from({ length: 10 }, (_, i) =>
          handles[i % 2].appendToStream(stream, [event(`Attempt${i}`)], { expectedRevision: 0 }),
        );
        const results = await settle(attempts);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(rejected).toHaveLength(9);
        for (const r of rejected) expect(r.reason).toBeInstanceOf(ExpectedRevisionConflictError);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('loses nothing when concurrent writers retry from fresh state', async () => {
        const writer = async (handle: EventStore, name: string): Promise<void> => {
          for (let n = 0; n < 10; n += 1) {
            for (;;) {
              const current = await handle.readStream(stream);
              try {
                await handle.appendToStream(stream, [event(`${name}-${n}`)], {
                  expectedRevision: current.length === 0 ? NO_STREAM : current.length - 1,
                });
                break;
              } catch (error) {
                if (!(error instanceof ExpectedRevisionConflictError)) throw error;
              }
            }
          }
        };
        await Promise.all([writer(store, 'x'), writer(subject.other, 'y'), writer(store, 'z')]);
        const events = await store.readStream(stream);
        expect(events).toHaveLength(30);
        expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 30 }, (_, i) => i));
      });
    });

    describe('idempotency', () => {
      it('records an event whose idempotency key is already recorded only once, whatever the stream', async () => {
        const key = `web#${randomUUID()}`;
        await store.appendToStream(stream, [event('A', {}, key)]);
        const again = await store.appendToStream(stream, [event('A', {}, key)], { expectedRevision: NO_STREAM });
        expect(again).toMatchObject({ appended: 0, duplicates: [key], nextExpectedRevision: 0 });
        const elsewhere = await store.appendToStream(`${stream}-b`, [event('A', {}, key)]);
        expect(elsewhere.appended).toBe(0);
        expect(await store.readStream(stream)).toHaveLength(1);
        expect(await store.readStream(`${stream}-b`)).toHaveLength(0);
      });

      it('skips the duplicates of a batch and appends the rest', async () => {
        const [k1, k2, k3] = [randomUUID(), randomUUID(), randomUUID()];
        await store.appendToStream(stream, [event('A', {}, k1)]);
        const result = await store.appendToStream(
          stream,
          [event('A', {}, k1), event('B', {}, k2), event('B', {}, k2), event('C', {}, k3)],
          {
            expectedRevision: 0,
          },
        );
        expect(result).toMatchObject({ appended: 2, duplicates: [k1, k2], nextExpectedRevision: 2 });
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
      });

      it('records a source event once when the same one arrives concurrently', async () => {
        const key = `chatbot#${randomUUID()}`;
        const handles = [store, subject.other];
        const results = await settle(
          Array.from({ length: 10 }, (_, i) => handles[i % 2].appendToStream(stream, [event('A', {}, key)], { expectedRevision: ANY })),
        );
        expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
        const appended = results.map((r) => (r.status === 'fulfilled' ? r.value.appended : -1));
        expect(appended.filter((n) => n === 1)).toHaveLength(1);
        expect(await store.readStream(stream)).toHaveLength(1);
      });
    });

    describe('reading', () => {
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

    describe('subscribing', () => {
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

    describe('erasing', () => {
      it('erases a stream from reads, keeps the others, and lets the name be used again', async () => {
        const tag = `erase${randomUUID()}-`;
        await store.appendToStream(`${tag}gone`, [event('A'), event('B')]);
        const kept = await store.appendToStream(`${tag}kept`, [event('C')]);
        await store.deleteStream(`${tag}gone`);
        expect(await store.readStream(`${tag}gone`)).toEqual([]);
        expect((await store.readAll({ streamPrefixes: [tag] })).map((e) => e.type)).toEqual(['C']);
        expect(await subject.other.readStream(`${tag}gone`)).toEqual([]);
        const again = await store.appendToStream(`${tag}gone`, [event('D')], { expectedRevision: ANY });
        expect(again.position).toBeGreaterThan(kept.position);
        const reborn = await store.readStream(`${tag}gone`);
        expect(reborn.map((e) => e.type)).toEqual(['D']);
        // Appends continue from what a reader sees (EventStoreDB keeps counting; others restart at 0).
        await store.appendToStream(`${tag}gone`, [event('E')], { expectedRevision: reborn[0]!.revision });
        await store.deleteStream(`${tag}never-existed`);
      });
    });
  });
};
