/** What escalation needs to know of exclusions (shared/DESIGN.md §6): which channels are closed to a customer now. */
export interface ExclusionsPort {
  /**
   * channel → alternatives offered, for each channel closed to the customer at `at`. `recordedUpTo`: the
   * caller acts on the event at that position, so an answer reflecting at least every safety event up to
   * there will do (without it, the customer's own stream is read now).
   */
  excludedChannels(customerId: string, at: Date, recordedUpTo?: number): Promise<Readonly<Record<string, readonly string[]>>>;
  /**
   * True when it is known at once, without reading, that no channel is closed to the customer for the event at
   * `recordedUpTo` (the customer has no safety record as of that event): excludedChannels would answer none.
   */
  noneClosed?(customerId: string, recordedUpTo: number): boolean;
}

export const EXCLUSIONS = Symbol('EXCLUSIONS');
