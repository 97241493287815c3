import { randomUUID } from 'node:crypto';
import type { ProjectionStore } from '../projections/projection';

export interface ProjectionStoreUnderTest {
  readonly store: ProjectionStore;
  /** A second handle on the same storage (another connection, or the same object in memory). */
  readonly other: ProjectionStore;
  dispose(): Promise<void>;
}

const state = {
  channels: { video: { contacts: 3, share: 0.25 }, chatbot: { contacts: 9, share: 0.75 } },
  labels: ['Balie', 'Videobellen — €', 'émoji ✓'],
  empty: null,
  negative: -0.5,
};

/** The behaviour every projection store must have. Run it once per adapter. */
export const describeProjectionStoreContract = (
  adapter: string,
  create: () => Promise<ProjectionStoreUnderTest>,
  skipReason?: string,
): void => {
  const suite = skipReason ? describe.skip : describe;
  suite(`ProjectionStore contract: ${adapter}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let subject: ProjectionStoreUnderTest;
    let name: string;
    beforeEach(async () => {
      subject = await create();
      name = `projection-${randomUUID()}`;
    });
    afterEach(async () => subject.dispose());

    it('knows no snapshot for a projection never saved', async () => {
      expect(await subject.store.load(name)).toBeUndefined();
    });

    it('gives back state and position together, as saved, through every handle', async () => {
      await subject.store.save(name, { state, position: 42 });
      expect(await subject.other.load(name)).toEqual({ state, position: 42 });
    });

    it('replaces state and position together on the next save', async () => {
      await subject.store.save(name, { state, position: 42 });
      await subject.other.save(name, { state: { contacts: 1 }, position: 43 });
      expect(await subject.store.load(name)).toEqual({ state: { contacts: 1 }, position: 43 });
    });

    it('forgets a projection on reset, and a reset of an unknown one changes nothing', async () => {
      await subject.store.save(name, { state, position: 7 });
      await subject.store.save(`${name}-kept`, { state: { kept: true }, position: 8 });
      await subject.store.reset(name);
      await subject.store.reset(`${name}-never-saved`);
      expect(await subject.other.load(name)).toBeUndefined();
      expect(await subject.other.load(`${name}-kept`)).toEqual({ state: { kept: true }, position: 8 });
    });

    it('keeps positions past 32 bits exactly, as numbers', async () => {
      await subject.store.save(name, { state: [], position: 2 ** 40 + 3 });
      expect((await subject.other.load(name))?.position).toBe(2 ** 40 + 3);
    });
  });
};
