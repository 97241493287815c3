import { randomUUID } from 'node:crypto';
import type { EventStore } from '../../event-store.port';
import { NO_STREAM } from '../../event-store.port';
import { ExpectedRevisionConflictError, MultiStreamAppendUnsupportedError } from '../../errors';
import { event, fixtureOf, type ContractContext, type EventStoreUnderTest } from './support';

const waitFor = async (done: () => boolean, timeoutMs = 5_000): Promise<void> => {
  const until = Date.now() + timeoutMs;
  while (!done() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
};

export const describeMultiStream = (context: ContractContext): void => {
  describe('appending to several streams at once', () => {
    let subject: EventStoreUnderTest;
    let store: EventStore;
    let tag: string;
    beforeEach(() => {
      ({ subject, store, tag } = fixtureOf(context, 'multi'));
    });
    const supported = () => subject.atomicMultiStream !== false;

    it('writes every stream of the batch, each with its own revisions, in one global order', async () => {
      await store.appendToStream(`${tag}case`, [event('Opened')]);
      const batch = [
        { stream: `${tag}case`, events: [event('Assigned')], expectedRevision: 0 },
        { stream: `${tag}agent`, events: [event('Reserved'), event('Took')], expectedRevision: NO_STREAM },
      ];
      if (!supported()) {
        await expect(store.appendToStreams(batch)).rejects.toBeInstanceOf(MultiStreamAppendUnsupportedError);
        return;
      }
      const [onCase, onAgent] = await store.appendToStreams(batch);
      expect(onCase).toMatchObject({ nextExpectedRevision: 1, appended: 1 });
      expect(onAgent).toMatchObject({ nextExpectedRevision: 1, appended: 2 });
      const all = await subject.other.readAll({ streamPrefixes: [tag] });
      expect(all.map((e) => e.type)).toEqual(['Opened', 'Assigned', 'Reserved', 'Took']);
      expect(onAgent!.position).toBe(all[3]!.position);
    });

    it('writes nothing when one expected revision fails', async () => {
      await store.appendToStream(`${tag}case`, [event('Opened')]);
      const failing = store.appendToStreams([
        { stream: `${tag}agent`, events: [event('Reserved')], expectedRevision: NO_STREAM },
        { stream: `${tag}case`, events: [event('Assigned')], expectedRevision: NO_STREAM },
      ]);
      await expect(failing).rejects.toBeInstanceOf(supported() ? ExpectedRevisionConflictError : MultiStreamAppendUnsupportedError);
      expect(await store.readAll({ streamPrefixes: [tag] })).toHaveLength(1);
    });

    it("fails a whole batch of many streams on the last one's expected revision, leaving its keys unrecorded", async () => {
      if (!supported()) return;
      await store.appendToStream(`${tag}last`, [event('Opened')]);
      const keys = Array.from({ length: 20 }, () => `web#${randomUUID()}`);
      const batch = (lastExpected: number) =>
        keys.map((key, index) => ({
          stream: index === keys.length - 1 ? `${tag}last` : `${tag}s${index}`,
          events: [event('Recorded', { index }, key)],
          expectedRevision: index === keys.length - 1 ? lastExpected : NO_STREAM,
        }));

      await expect(store.appendToStreams(batch(5))).rejects.toMatchObject({ stream: `${tag}last`, expected: 5, actual: 0 });
      expect(await subject.other.readAll({ streamPrefixes: [tag] })).toHaveLength(1);
      expect(await subject.other.readStream(`${tag}s0`)).toEqual([]);

      // Nothing of the failed batch counts as recorded: the same batch with the right revision records every key.
      const results = await store.appendToStreams(batch(0));
      expect(results.map((r) => [r.appended, r.duplicates.length])).toEqual(keys.map(() => [1, 0]));
      expect(await subject.other.readAll({ streamPrefixes: [tag] })).toHaveLength(21);
    });

    it('records each key once across batches: a repeated batch writes nothing and skips the revision check', async () => {
      if (!supported()) return;
      const [k1, k2, k3] = [`web#${randomUUID()}`, `web#${randomUUID()}`, `web#${randomUUID()}`];
      await store.appendToStreams([
        { stream: `${tag}a`, events: [event('A1', {}, k1), event('A2', {}, k2)], expectedRevision: NO_STREAM },
        { stream: `${tag}b`, events: [event('B1', {}, k3)], expectedRevision: NO_STREAM },
      ]);
      const again = await store.appendToStreams([
        { stream: `${tag}a`, events: [event('A1', {}, k1), event('A2', {}, k2)], expectedRevision: NO_STREAM },
        { stream: `${tag}b`, events: [event('B1', {}, k3)], expectedRevision: NO_STREAM },
      ]);
      expect(again.map((r) => [r.nextExpectedRevision, r.appended, r.duplicates])).toEqual([
        [1, 0, [k1, k2]],
        [0, 0, [k3]],
      ]);
      // A key recorded on one stream is a duplicate on another, in a later batch too; the fresh events still go in.
      const moved = await store.appendToStreams([
        { stream: `${tag}c`, events: [event('C1', {}, k1), event('C2')], expectedRevision: NO_STREAM },
        { stream: `${tag}b`, events: [event('B2')], expectedRevision: 0 },
      ]);
      expect(moved.map((r) => [r.nextExpectedRevision, r.appended, r.duplicates])).toEqual([
        [0, 1, [k1]],
        [1, 1, []],
      ]);
      const all = await subject.other.readAll({ streamPrefixes: [tag] });
      expect(all.map((e) => e.type)).toEqual(['A1', 'A2', 'B1', 'C2', 'B2']);
    });

    it("delivers a batch to subscribers in position order, each stream's events in revision order", async () => {
      if (!supported()) return;
      const seen: string[] = [];
      const subscription = subject.other.subscribe({
        streamPrefixes: [tag],
        onEvent: (recorded) => {
          seen.push(`${recorded.streamName.slice(tag.length)}@${recorded.revision}`);
        },
      });
      try {
        await store.appendToStreams([
          { stream: `${tag}x`, events: [event('X0'), event('X1')] },
          { stream: `${tag}y`, events: [event('Y0')] },
        ]);
        await waitFor(() => seen.length === 3);
        expect(seen).toEqual(['x@0', 'x@1', 'y@0']);
      } finally {
        await subscription.stop();
      }
    });

    it('counts idempotency keys across the whole batch and refuses a stream named twice', async () => {
      if (!supported()) return;
      const key = `web#${randomUUID()}`;
      const results = await store.appendToStreams([
        { stream: `${tag}a`, events: [event('A', {}, key)] },
        { stream: `${tag}b`, events: [event('B', {}, key), event('C')] },
      ]);
      expect(results.map((r) => [r.appended, r.duplicates])).toEqual([
        [1, []],
        [1, [key]],
      ]);
      const twice = [
        { stream: `${tag}a`, events: [event('X')] },
        { stream: `${tag}a`, events: [event('Y')] },
      ];
      await expect(store.appendToStreams(twice)).rejects.toThrow(/more than once/);
    });
  });
};
