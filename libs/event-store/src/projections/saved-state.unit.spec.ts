import { InMemoryProjectionStore } from './in-memory-projection-store';
import type { ProjectionSnapshot, ProjectionStore } from './projection';
import { SavedState } from './saved-state';

describe('SavedState: a read model kept with its position', () => {
  let projections: InMemoryProjectionStore;
  let current: ProjectionSnapshot<{ open: string[] }>;
  let order: string[];
  const saved = (store: ProjectionStore = projections) =>
    new SavedState<{ open: string[] }>(store, {
      name: 'board',
      snapshot: () => current,
      beforeSave: async () => void order.push(`before ${current.position}`),
      onError: () => undefined,
    });
  beforeEach(() => {
    projections = new InMemoryProjectionStore();
    current = { state: { open: ['case-1'] }, position: 7 };
    order = [];
  });

  it('saves state and position together, after what the state relies on, and loads them back', async () => {
    const subject = saved();
    expect(await subject.load()).toBeUndefined();
    const save = jest.spyOn(projections, 'save');
    save.mockImplementation(async (name, snapshot) => {
      order.push(`save ${snapshot.position}`);
      await InMemoryProjectionStore.prototype.save.call(projections, name, snapshot);
    });
    await subject.save();
    expect(order).toEqual(['before 7', 'save 7']);
    expect(await saved().load()).toEqual({ state: { open: ['case-1'] }, position: 7 });
  });

  it('saves the state as it was when the save began, though it moves on while what it relies on is written', async () => {
    const subject = new SavedState<{ open: string[] }>(projections, {
      name: 'board',
      snapshot: () => current,
      beforeSave: async () => {
        current = { state: { open: [] }, position: 8 };
      },
      onError: () => undefined,
    });
    await subject.save();
    expect(await projections.load('board')).toEqual({ state: { open: ['case-1'] }, position: 7 });
  });

  it('writes only when the position moved, unless forced (an erasure changes the state where it stands)', async () => {
    const subject = saved();
    await subject.save();
    const save = jest.spyOn(projections, 'save');
    await subject.save();
    expect(save).not.toHaveBeenCalled();
    current = { state: { open: [] }, position: 7 };
    await subject.save(true);
    expect(await projections.load('board')).toEqual({ state: { open: [] }, position: 7 });
  });

  it('knows what was saved before it, so a restart does not write the same position again', async () => {
    await saved().save();
    const restarted = saved();
    await restarted.load();
    const save = jest.spyOn(projections, 'save');
    await restarted.stop();
    expect(save).not.toHaveBeenCalled();
  });

  it('tells the caller of a failed save, and the next save is still made', async () => {
    const subject = saved();
    const save = jest.spyOn(projections, 'save').mockRejectedValueOnce(new Error('disk full'));
    await expect(subject.save()).rejects.toThrow('disk full');
    await subject.save();
    expect(save).toHaveBeenCalledTimes(2);
    expect(await projections.load('board')).toEqual({ state: { open: ['case-1'] }, position: 7 });
  });

  it('saves on stop', async () => {
    const subject = saved();
    subject.start();
    await subject.stop();
    expect(await projections.load('board')).toEqual({ state: { open: ['case-1'] }, position: 7 });
  });
});
