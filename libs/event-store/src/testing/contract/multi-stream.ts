import { randomUUID } from 'node:crypto';
import type { EventStore } from '../../event-store.port';
import { NO_STREAM } from '../../event-store.port';
import { ExpectedRevisionConflictError, MultiStreamAppendUnsupportedError } from '../../errors';
import { event, type ContractContext, type EventStoreUnderTest } from './support';

export const describeMultiStream = (context: ContractContext): void => {
  describe('appending to several streams at once', () => {
    let subject: EventStoreUnderTest;
    let store: EventStore;
    let tag: string;
    beforeEach(() => {
      subject = context.subject();
      store = context.store();
      tag = `multi${randomUUID()}-`;
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
