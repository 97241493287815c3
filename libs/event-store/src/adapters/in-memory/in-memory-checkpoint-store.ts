import type { CheckpointStore } from '../../checkpoint-store.port';

export class InMemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, number>();

  async load(name: string): Promise<number | undefined> {
    return this.positions.get(name);
  }

  async save(name: string, position: number): Promise<void> {
    this.positions.set(name, position);
  }
}
