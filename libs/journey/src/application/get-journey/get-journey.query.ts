export class GetJourneyQuery {
  constructor(readonly customerId: string) {}
}

export interface JourneyEntry {
  readonly time: string;
  readonly channel: string;
  readonly layer: string;
  readonly type: string;
  readonly contactId: string;
  readonly recordedAt: string;
}

export interface JourneyView {
  readonly customerId: string;
  readonly entries: readonly JourneyEntry[];
  /** Present when the timeline goes on: pass it as `cursor` for the next page. */
  readonly nextCursor?: string;
}

/** An entry with where it stands in the timeline: when it happened, then the order it was recorded in. */
export interface TimelineEntry {
  readonly entry: JourneyEntry;
  readonly at: number;
  readonly revision: number;
}

/** The whole timeline, oldest first; the edge pages it. */
export interface JourneyTimeline {
  readonly customerId: string;
  readonly entries: readonly TimelineEntry[];
}
