/** What escalation needs to know of exclusions (shared/DESIGN.md §6): which channels are closed to a customer now. */
export interface ExclusionsPort {
  /** channel → alternatives offered, for each channel closed to the customer at `at`. */
  excludedChannels(customerId: string, at: Date): Promise<Readonly<Record<string, readonly string[]>>>;
}

export const EXCLUSIONS = Symbol('EXCLUSIONS');
