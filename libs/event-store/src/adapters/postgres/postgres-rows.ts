import type { EventMetadata, RecordedEvent } from '../../event-store.port';

/** node-postgres returns bigint as text (it may exceed 2^53); positions and revisions stay far below. */
export interface EventRow {
  readonly position: string;
  readonly event_id: string;
  readonly stream_name: string;
  readonly revision: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly recorded_at: Date;
}

export const EVENT_COLUMNS = 'position, event_id, stream_name, revision, type, data, metadata, recorded_at';

export const toRecorded = (row: EventRow): RecordedEvent => ({
  type: row.type,
  data: row.data,
  metadata: row.metadata,
  eventId: row.event_id,
  streamName: row.stream_name,
  revision: Number(row.revision),
  position: Number(row.position),
  recordedAt: row.recorded_at.toISOString(),
});

/**
 * One page of the global order up to the safe head: the newest position whose transaction is
 * below the snapshot's xmin (see postgres-schema.ts). `newest` is the newest committed position;
 * when it is ahead of `safe_head`, committed events wait behind a transaction still open.
 */
export const READ_PAGE = `
SELECT h.safe_head, h.newest, e.*
FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon) AS s
CROSS JOIN LATERAL (
  SELECT COALESCE((SELECT position FROM regie_events WHERE transaction_id < s.horizon ORDER BY position DESC LIMIT 1), 0) AS safe_head,
         COALESCE((SELECT max(position) FROM regie_events), 0) AS newest
) AS h
LEFT JOIN LATERAL (
  SELECT ${EVENT_COLUMNS} FROM regie_events
  WHERE position > $1 AND position <= h.safe_head AND transaction_id < s.horizon
    AND ($3::text[] IS NULL OR stream_name ^@ ANY ($3::text[]))
  ORDER BY position
  LIMIT $2
) AS e ON true`;

export type PageRow = { readonly safe_head: string; readonly newest: string } & (EventRow | { readonly [K in keyof EventRow]: null });

export interface Page {
  readonly events: RecordedEvent[];
  readonly safeHead: number;
  /** Committed events wait behind an open transaction (they become readable when it ends). */
  readonly lagging: boolean;
}

export const toPage = (rows: readonly PageRow[]): Page => {
  const first = rows[0];
  const safeHead = Number(first?.safe_head ?? 0);
  const events = rows.flatMap((row) => (row.position === null ? [] : [toRecorded(row as EventRow)]));
  return { events, safeHead, lagging: Number(first?.newest ?? 0) > safeHead };
};

/** Whether every transaction that was open when `xmax` was taken has ended. */
export const HORIZON = `
SELECT pg_snapshot_xmin(s) = pg_snapshot_xmax(s) AS idle, pg_snapshot_xmax(s)::text AS xmax FROM pg_current_snapshot() AS s`;
export const HORIZON_PASSED = `SELECT pg_snapshot_xmin(pg_current_snapshot()) >= $1::xid8 AS passed`;
