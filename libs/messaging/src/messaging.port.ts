import type { Interaction } from '@regie/contracts';

/** One interaction on its way in, with who sent it. Key = customer id, so one customer's events keep their order. */
export interface InteractionMessage {
  readonly key: string;
  readonly interaction: Interaction;
  /** The authenticated sender (JWT `sub` at the gateway) recorded as the events' actor. */
  readonly actor: string;
}

/** A decision going out to the channel platforms (shared/DESIGN.md §3.2), CloudEvents attributes as plain data. */
export interface DecisionMessage {
  readonly id: string;
  readonly source: string;
  readonly type: string;
  /** The customer id; also the message key. */
  readonly subject: string;
  readonly time: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export type InteractionHandler = (batch: readonly InteractionMessage[]) => Promise<void>;
export type DecisionHandler = (decision: DecisionMessage) => void | Promise<void>;

export interface InteractionPublisher {
  /** Resolves once the messages are durably handed over (recorded, or acknowledged by the broker). */
  publishInteractions(messages: readonly InteractionMessage[]): Promise<void>;
}

export interface InteractionConsumer {
  /**
   * Delivers batches to `handler`; a batch counts as consumed only when the returned promise
   * resolves, so a failure means redelivery (at least once), never loss.
   */
  consumeInteractions(handler: InteractionHandler): Promise<void>;
}

export interface DecisionPublisher {
  publishDecisions(decisions: readonly DecisionMessage[]): Promise<void>;
}

export interface DecisionSubscriber {
  /** Live decisions from now on; returns the function that ends the subscription. */
  subscribeDecisions(handler: DecisionHandler): Promise<() => Promise<void>>;
}

export interface LeaderElection {
  /**
   * Takes part in electing the one instance that runs the single-writer processes. `onChange` is
   * called with `true` when this instance becomes it and `false` when it stops being it; the
   * returned function leaves the election.
   */
  followLeadership(onChange: (leading: boolean) => void): Promise<() => Promise<void>>;
}

export interface Messaging extends InteractionPublisher, InteractionConsumer, DecisionPublisher, DecisionSubscriber, LeaderElection {
  close(): Promise<void>;
}

export const MESSAGING = Symbol('MESSAGING');
