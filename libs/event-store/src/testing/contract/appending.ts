import type { EventStore } from '../../event-store.port';
import { ANY, NO_STREAM, STREAM_EXISTS } from '../../event-store.port';
import { ExpectedRevisionConflictError } from '../../errors';
import { event, settle, type ContractContext, type EventStoreUnderTest } from './support';

export const describeAppending = (context: ContractContext): void => {
  describe('appending', () => {
    let subject: EventStoreUnderTest;
    let store: EventStore;
    let stream: string;
    beforeEach(() => {
      subject = context.subject();
      store = context.store();
      stream = context.stream();
    });
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

    it('checks the expected revision against what the other handle appended, after this one appended itself', async () => {
      await store.appendToStream(stream, [event('A')], { expectedRevision: NO_STREAM });
      await subject.other.appendToStream(stream, [event('B')], { expectedRevision: 0 });
      await expect(store.appendToStream(stream, [event('C')], { expectedRevision: 0 })).rejects.toMatchObject({ expected: 0, actual: 1 });
      await store.appendToStream(stream, [event('C')], { expectedRevision: 1 });
      await subject.other.deleteStream(stream);
      // Erased there: absent here too, its revisions going on.
      expect((await store.appendToStream(stream, [event('D')], { expectedRevision: NO_STREAM })).nextExpectedRevision).toBe(3);
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
};
