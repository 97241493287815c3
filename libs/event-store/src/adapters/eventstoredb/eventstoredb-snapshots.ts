import { BACKWARDS, END, jsonEvent, StreamNotFoundError, type EventStoreDBClient, type JSONType } from '@eventstore/db-client';
import type { CheckpointStore } from '../../checkpoint-store.port';
import type { ProjectionSnapshot, ProjectionStore } from '../../projections/projection';

/**
 * The latest value per name, kept as the one event of a stream whose `$maxCount` is 1 (older
 * values are scavenged). Used for checkpoints (`checkpoint-<name>`) and projection snapshots
 * (`projection-<name>`): a snapshot's state and position are one event, written atomically.
 */
class LatestValueStreams {
  private readonly limited = new Set<string>();

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly prefix: string,
  ) {}

  async read<T>(name: string): Promise<T | undefined> {
    try {
      const read = this.client.readStream(`${this.prefix}${name}`, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
      for await (const resolved of read) {
        if (resolved.event?.type === 'Deleted') return undefined;
        return resolved.event?.data as T | undefined;
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
    return undefined;
  }

  async write(name: string, value: JSONType, type = 'Saved'): Promise<void> {
    const stream = `${this.prefix}${name}`;
    if (!this.limited.has(stream)) {
      await this.client.setStreamMetadata(stream, { maxCount: 1 });
      this.limited.add(stream);
    }
    await this.client.appendToStream(stream, jsonEvent({ type, data: value }));
  }
}

export class EventStoreDbCheckpointStore implements CheckpointStore {
  private readonly values: LatestValueStreams;

  constructor(client: EventStoreDBClient) {
    this.values = new LatestValueStreams(client, 'checkpoint-');
  }

  async load(name: string): Promise<number | undefined> {
    return (await this.values.read<{ position: number }>(name))?.position;
  }

  async save(name: string, position: number): Promise<void> {
    await this.values.write(name, { position });
  }
}

export class EventStoreDbProjectionStore implements ProjectionStore {
  private readonly values: LatestValueStreams;

  constructor(client: EventStoreDBClient) {
    this.values = new LatestValueStreams(client, 'projection-');
  }

  load<State>(name: string): Promise<ProjectionSnapshot<State> | undefined> {
    return this.values.read<ProjectionSnapshot<State>>(name);
  }

  async save<State>(name: string, snapshot: ProjectionSnapshot<State>): Promise<void> {
    await this.values.write(name, { position: snapshot.position, state: snapshot.state as JSONType });
  }

  async reset(name: string): Promise<void> {
    await this.values.write(name, {}, 'Deleted');
  }
}
