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
  /** True for adapters that keep snapshots (EventStore.saveSnapshots, readSnapshot). Default false. */
  readonly snapshots?: boolean;
  dispose(): Promise<void>;
}

/** What a section of the contract sees: the adapter under test and a fresh stream name per test. */
export interface ContractContext {
  readonly subject: () => EventStoreUnderTest;
  readonly store: () => EventStore;
  readonly stream: () => string;
}

/** What one test of a section works on: the adapter, its store, and a prefix for stream names no other test uses. */
export interface SectionFixture {
  readonly subject: EventStoreUnderTest;
  readonly store: EventStore;
  readonly tag: string;
}

/** A section's fixture, made fresh for each test (in its beforeEach); `prefix` names the section in its streams. */
export const fixtureOf = (context: ContractContext, prefix: string): SectionFixture => ({
  subject: context.subject(),
  store: context.store(),
  tag: `${prefix}${randomUUID()}-`,
});

export const event = (type: string, data: Record<string, unknown> = {}, idempotencyKey?: string): NewEvent => ({
  type,
  data,
  metadata: { causationId: randomUUID(), correlationId: 'c-1', actor: 'tester', ...(idempotencyKey ? { idempotencyKey } : {}) },
});

export const settle = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);
