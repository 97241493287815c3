import {
  ANY as ESDB_ANY,
  BACKWARDS,
  END,
  jsonEvent,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventStoreDBClient,
  NO_STREAM as ESDB_NO_STREAM,
  START as ESDB_START,
  STREAM_EXISTS as ESDB_STREAM_EXISTS,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { ANY, NO_STREAM, START, STREAM_EXISTS } from '../../event-store.port';
import type { EventMetadata, ExpectedRevision, RecordedEvent } from '../../event-store.port';
import type { StreamHead } from '../../expected-revision';
import { CLAIM_PREFIX } from './eventstoredb-claims';

/** Our expected revision in EventStoreDB's terms (both count revisions from 0, and both accept NO_STREAM on an erased stream). */
export const toEsdbRevision = (expected: ExpectedRevision): AppendExpectedRevision => {
  switch (expected) {
    case NO_STREAM:
      return ESDB_NO_STREAM;
    case STREAM_EXISTS:
      return ESDB_STREAM_EXISTS;
    case ANY:
      return ESDB_ANY;
    default:
      return BigInt(expected);
  }
};

/** Port positions are EventStoreDB commit positions: strictly increasing in $all order, not dense (log offsets). */
export const toPosition = (position: Position | undefined): number => Number(position?.commit ?? 0n);
export const fromPosition = (after: number): ReadPosition =>
  after <= START ? ESDB_START : { commit: BigInt(after), prepare: BigInt(after) };

/** EventStoreDB's own streams, and the adapter's own (idempotency claims, checkpoints, projection snapshots). */
const INTERNAL_PREFIXES = ['$', CLAIM_PREFIX, 'checkpoint-', 'projection-'];
export const isInternal = (streamId: string, type: string) =>
  type.startsWith('$') || INTERNAL_PREFIXES.some((prefix) => streamId.startsWith(prefix));

export const matches = (streamId: string, prefixes: readonly string[] | undefined) =>
  !prefixes || prefixes.length === 0 || prefixes.some((prefix) => streamId.startsWith(prefix));

export const toRecorded = (resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined => {
  const event = resolved.event;
  if (!event || !event.isJson || isInternal(event.streamId, event.type)) return undefined;
  return {
    type: event.type,
    data: event.data,
    metadata: event.metadata as EventMetadata,
    eventId: event.id,
    streamName: event.streamId,
    revision: Number(event.revision),
    position: toPosition(event.position),
    recordedAt: event.created.toISOString(),
  };
};

/** The stream's last revision, erased events included: a soft-deleted stream keeps its count. */
export const streamHead = async (client: EventStoreDBClient, stream: string): Promise<StreamHead & { readonly position: number }> => {
  try {
    for await (const resolved of client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) {
      const event = resolved.event;
      if (event) return { lastRevision: Number(event.revision), exists: true, position: toPosition(event.position) };
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return { lastRevision: await erasedRevision(client, stream), exists: false, position: START };
};

/**
 * Never written, or soft-deleted: an append that expects an impossible revision is refused
 * without writing anything, and the refusal carries the stream's current revision.
 */
const erasedRevision = async (client: EventStoreDBClient, stream: string): Promise<number> => {
  try {
    const impossible = BigInt(Number.MAX_SAFE_INTEGER);
    await client.appendToStream(stream, jsonEvent({ type: 'RevisionProbe', data: {} }), { expectedRevision: impossible });
  } catch (error) {
    if (error instanceof WrongExpectedVersionError) return typeof error.actualVersion === 'bigint' ? Number(error.actualVersion) : -1;
    throw error;
  }
  throw new Error(`EventStoreDB accepted an append to ${stream} at an impossible revision`);
};
