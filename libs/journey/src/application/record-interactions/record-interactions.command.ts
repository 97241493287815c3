import type { InteractionMessage } from '@regie/messaging';

/** Record a batch of validated interactions in their customers' journeys. */
export class RecordInteractionsCommand {
  constructor(readonly messages: readonly InteractionMessage[]) {}
}

export interface RecordInteractionsResult {
  readonly recorded: number;
  readonly duplicates: number;
}
