import type { DecisionHandler, DecisionMessage, InteractionHandler, InteractionMessage, Messaging } from '../../messaging.port';

export class NoConsumerError extends Error {
  override readonly name = 'NoConsumerError';
}

/**
 * The embedded bus: publishing hands the batch straight to the consumer and resolves when it
 * has been handled, so an accepted request has been recorded.
 */
export class InProcessMessaging implements Messaging {
  private interactionHandler?: InteractionHandler;
  private readonly decisionHandlers = new Set<DecisionHandler>();

  async publishInteractions(messages: readonly InteractionMessage[]): Promise<void> {
    if (!this.interactionHandler) throw new NoConsumerError('no interaction consumer is running');
    if (messages.length > 0) await this.interactionHandler(messages);
  }

  async consumeInteractions(handler: InteractionHandler): Promise<void> {
    if (this.interactionHandler) throw new Error('an interaction consumer is already running');
    this.interactionHandler = handler;
  }

  async publishDecisions(decisions: readonly DecisionMessage[]): Promise<void> {
    for (const decision of decisions) {
      for (const handler of this.decisionHandlers) await handler(decision);
    }
  }

  async subscribeDecisions(handler: DecisionHandler): Promise<() => Promise<void>> {
    this.decisionHandlers.add(handler);
    return async () => {
      this.decisionHandlers.delete(handler);
    };
  }

  /** One process is the whole deployment: it always leads. */
  async followLeadership(onChange: (leading: boolean) => void): Promise<() => Promise<void>> {
    onChange(true);
    return async () => onChange(false);
  }

  async close(): Promise<void> {
    this.interactionHandler = undefined;
    this.decisionHandlers.clear();
  }
}
