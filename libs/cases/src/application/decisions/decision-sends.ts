import type { DecisionMessage } from '@regie/messaging';

/** The most decisions in one publish (one Kafka produce request). */
const MOST_PER_SEND = 500;

/**
 * Decisions handed on in store order and published in batches, one publish at a time: those that come
 * while one is in flight go out together in the next. Awaiting each publish made the publisher's pace one
 * broker round trip per decision; on a busy machine it fell seconds behind the store, and backpressure then
 * held every intake batch for it (up to 2 s each).
 *
 * A failed publish stops the sends: `add` and `settled` throw its error from then on, so the subscription
 * stops without saving a checkpoint past the decisions not sent, and publishes them again when restarted.
 */
export class DecisionSends {
  private queue: DecisionMessage[] = [];
  private sending?: Promise<void>;
  private failure?: { readonly error: unknown };

  constructor(private readonly publish: (decisions: readonly DecisionMessage[]) => Promise<void>) {}

  add(decision: DecisionMessage): void {
    if (this.failure) throw this.failure.error;
    this.queue.push(decision);
    this.sending ??= this.send();
  }

  /** Resolves once every decision added so far is published; rejects once one publish has failed. */
  async settled(): Promise<void> {
    while (this.sending) await this.sending;
    if (this.failure) throw this.failure.error;
  }

  /**
   * Sends until the queue is empty, and says it no longer sends in the same step as it finds it so: cleared a
   * microtask later (a `finally` on the promise), a decision added in between started no send, and `settled`
   * let a checkpoint pass it unsent.
   */
  private async send(): Promise<void> {
    try {
      while (this.queue.length > 0 && !this.failure) {
        const batch = this.queue.splice(0, MOST_PER_SEND);
        try {
          await this.publish(batch);
        } catch (error) {
          this.failure = { error };
        }
      }
    } finally {
      this.sending = undefined;
    }
  }
}
