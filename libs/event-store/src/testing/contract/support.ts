import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '../../event-store.port';

export interface EventStoreUnderTest {
  readonly store: EventStore;
  /** A second handle on the same store (another connection where the adapter has them). */
  readonly other: EventStore;
  /** False for adapters that refuse multi-stream batches (EventStoreDB 24). Default true. */
  readonly atomicMultiStream?: boolean;
  /** True for adapters with pipelined appends (EventStore.appendToStreamsAfter). Default false. */
  readonly pipelined?: boolean;
  dispose(): Promise<void>;
}

/** What a section of the contract sees: the adapter under test and a fresh stream name per test. */
export interface ContractContext {
  readonly subject: () => EventStoreUnderTest;
  readonly store: () => EventStore;
  readonly stream: () => string;
}

export const event = (type: string, data: Record<string, unknown> = {}, idempotencyKey?: string): NewEvent => ({
  type,
  data,
  metadata: { causationId: randomUUID(), correlationId: 'c-1', actor: 'tester', ...(idempotencyKey ? { idempotencyKey } : {}) },
});

export const settle = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);
