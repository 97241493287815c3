import type { EventMetadata, RecordedEvent } from '@regie/event-store';

/** Metadata for what a process does in reaction to a recorded event: caused by it, same correlation, stable key. */
export const reactionMetadata = (process: string, cause: RecordedEvent, index = 0): EventMetadata => ({
  causationId: cause.eventId,
  correlationId: cause.metadata.correlationId,
  actor: `regie:${process}`,
  idempotencyKey: `${process}:${cause.eventId}:${index}`,
});
