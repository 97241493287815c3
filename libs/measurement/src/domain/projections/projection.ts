import { instantOf } from '@regie/eventsourcing';

/**
 * The part of a recorded event a measurement projection reads. The store's `RecordedEvent` has
 * all of it, so these projections fit the event-store `Projection` interface without importing it.
 */
export interface ProjectedEvent {
  readonly type: string;
  readonly data: unknown;
  readonly streamName: string;
  /** When the store recorded it; caps how far a (wrongly) future-dated event moves the clock. */
  readonly recordedAt?: string;
}

export interface MeasurementProjection<State> {
  readonly name: string;
  readonly streamPrefixes: readonly string[];
  initialState(): State;
  evolve(state: State, event: ProjectedEvent): State;
  /** Drops the open windows it keeps per customer (erasure); the counts already made stay. */
  forgetCustomer?(state: State, customerId: string): State;
}

/**
 * Every read model is bucketed by the local days of one fixed zone, chosen when the projection
 * is made. The zone is part of the name: changing the concept's zone starts a fresh projection
 * that rebuilds from position zero, instead of mixing days of two zones in one state.
 */
export const projectionName = (kind: string, timeZone: string): string => `kpi-${kind}@${timeZone}`;

/**
 * The event's time for bucketing and windows: the CloudEvent `time`, never the recording time. Parsed each time:
 * a memo of recent texts (a map look-up, ~20 ns in a micro-benchmark) took twice Date.parse's share of the ingest
 * bench's event loop, its map's memory competing with everything else for the cache. The kernel's `instantOf`
 * reads the form every stored time has without Date.parse.
 */
export { instantOf } from '@regie/eventsourcing';

/** The recording time last parsed: every event of one append shares it, so it is parsed once per append, not per event. */
let lastRecorded = { recordedAt: '', instant: Number.NaN };

const recordingTime = (recordedAt: string): number => {
  if (recordedAt !== lastRecorded.recordedAt) lastRecorded = { recordedAt, instant: instantOf(recordedAt) };
  return lastRecorded.instant;
};

/**
 * The latest event time seen, the projection's only clock (pure: no wall clock). An event cannot
 * move it past the moment it was recorded, so a bad `time` far in the future cannot close windows.
 */
export const advanceClock = (clock: number, occurredAt: number, recordedAt: string | undefined): number => {
  const recorded = recordedAt === undefined ? Number.NaN : recordingTime(recordedAt);
  const candidate = Number.isNaN(recorded) ? occurredAt : Math.min(occurredAt, recorded);
  return Number.isNaN(candidate) ? clock : Math.max(clock, candidate);
};

export const DAY_MS = 86_400_000;

/**
 * Per-entry memory is swept when the clock enters a new (UTC) day: a sweep visits every entry, so
 * doing it per event would make a rebuild quadratic. Entries may outstay their time by up to a day.
 */
export const sweepDue = (before: number, after: number): boolean => Math.floor(before / DAY_MS) !== Math.floor(after / DAY_MS);
