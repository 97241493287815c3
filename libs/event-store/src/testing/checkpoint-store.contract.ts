import { randomUUID } from 'node:crypto';
import type { CheckpointStore } from '../checkpoint-store.port';

export interface CheckpointStoreUnderTest {
  readonly store: CheckpointStore;
  /** A second handle on the same storage (another connection, or the same object in memory). */
  readonly other: CheckpointStore;
  dispose(): Promise<void>;
}

/** The behaviour every checkpoint store must have. Run it once per adapter. */
export const describeCheckpointStoreContract = (
  adapter: string,
  create: () => Promise<CheckpointStoreUnderTest>,
  skipReason?: string,
): void => {
  const suite = skipReason ? describe.skip : describe;
  suite(`CheckpointStore contract: ${adapter}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let subject: CheckpointStoreUnderTest;
    let name: string;
    beforeEach(async () => {
      subject = await create();
      name = `subscriber-${randomUUID()}`;
    });
    afterEach(async () => subject.dispose());

    it('knows no checkpoint for a subscriber that never saved one', async () => {
      expect(await subject.store.load(name)).toBeUndefined();
    });

    it('gives back the last saved position, through every handle', async () => {
      await subject.store.save(name, 5);
      expect(await subject.store.load(name)).toBe(5);
      await subject.store.save(name, 12);
      expect(await subject.other.load(name)).toBe(12);
      await subject.other.save(name, 13);
      expect(await subject.store.load(name)).toBe(13);
    });

    it('keeps subscribers apart', async () => {
      await subject.store.save(`${name}-a`, 1);
      await subject.store.save(`${name}-b`, 2);
      expect([await subject.store.load(`${name}-a`), await subject.store.load(`${name}-b`)]).toEqual([1, 2]);
    });

    it('keeps positions past 32 bits exactly, as numbers (EventStoreDB positions are log offsets)', async () => {
      const far = 2 ** 40 + 3;
      await subject.store.save(name, far);
      expect(await subject.other.load(name)).toBe(far);
    });
  });
};
