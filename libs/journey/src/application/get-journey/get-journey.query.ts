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
}
