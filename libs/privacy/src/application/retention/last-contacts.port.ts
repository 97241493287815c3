/** A customer whose last contact is due, and where the next page starts: [lastContact, customerId] of the last one. */
export type LastContactCursor = readonly [lastContact: number, customerId: string];

/**
 * Each customer's last contact (epoch ms), for the journey retention: history, kept in an indexed table beside the
 * store rather than in memory (a map of every customer ever seen, saved whole every few seconds and again at every
 * erasure, grew with the customers), so that memory and each write stay the same size however many there are.
 */
export interface LastContacts {
  /** False where it lives in memory only: then the journeys are read again from the start at each start. */
  readonly durable: boolean;
  /** Each customer's last contact becomes the later of the one kept and the one given. */
  keep(lastContacts: ReadonlyMap<string, number>): Promise<void>;
  /**
   * Customers whose last contact is at or before `cutoff`, in the order of (lastContact, customerId), after `after`,
   * at most `limit`.
   */
  dueBy(cutoff: number, limit: number, after?: LastContactCursor): Promise<LastContactCursor[]>;
  forgetCustomer(customerId: string): Promise<void>;
}

export const LAST_CONTACTS = Symbol('LAST_CONTACTS');
