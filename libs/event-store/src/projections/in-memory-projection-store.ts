import type { ProjectionSnapshot, ProjectionStore } from './projection';

export class InMemoryProjectionStore implements ProjectionStore {
  private readonly snapshots = new Map<string, string>();

  async load<State>(name: string): Promise<ProjectionSnapshot<State> | undefined> {
    const saved = this.snapshots.get(name);
    return saved === undefined ? undefined : (JSON.parse(saved) as ProjectionSnapshot<State>);
  }

  async save<State>(name: string, snapshot: ProjectionSnapshot<State>): Promise<void> {
    this.snapshots.set(name, JSON.stringify(snapshot));
  }

  async reset(name: string): Promise<void> {
    this.snapshots.delete(name);
  }
}
