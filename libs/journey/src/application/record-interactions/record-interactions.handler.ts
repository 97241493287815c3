import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { interactionKey } from '@regie/contracts';
import { layerOf, ConceptInForce } from '@regie/concept';
import type { JourneyCommand } from '../../domain/journey.commands';
import type { InteractionMessage } from '@regie/messaging';
import type { CommandEnvelope } from '@regie/eventsourcing/application';
import { JourneyStreams } from '../journey-streams';
import { toJourneyEvent } from './to-journey-event';
import { RecordInteractionsCommand, type RecordInteractionsResult } from './record-interactions.command';

const groupByCustomer = (messages: readonly InteractionMessage[]): Map<string, InteractionMessage[]> => {
  const groups = new Map<string, InteractionMessage[]>();
  for (const message of messages) {
    const group = groups.get(message.interaction.subject) ?? [];
    group.push(message);
    groups.set(message.interaction.subject, group);
  }
  return groups;
};

@CommandHandler(RecordInteractionsCommand)
export class RecordInteractionsHandler implements ICommandHandler<RecordInteractionsCommand, RecordInteractionsResult> {
  constructor(
    private readonly concept: ConceptInForce,
    private readonly journeys: JourneyStreams,
  ) {}

  async execute({ messages }: RecordInteractionsCommand): Promise<RecordInteractionsResult> {
    const concept = this.concept.current();
    const batch = new Map<string, CommandEnvelope<JourneyCommand>[]>();
    for (const [customerId, group] of groupByCustomer(messages)) {
      batch.set(
        customerId,
        group.map(({ interaction, actor }): CommandEnvelope<JourneyCommand> => {
          const key = interactionKey(interaction);
          const layer = layerOf(concept, interaction.data.channel);
          if (!layer) throw new Error(`channel ${interaction.data.channel} is not in the service concept`);
          return {
            command: { type: 'RecordInteraction', data: { observed: toJourneyEvent(interaction, layer) } },
            metadata: { causationId: key, correlationId: key, actor, idempotencyKey: key },
          };
        }),
      );
    }
    // Backpressure: input from outside waits while this process's read models and processors are far behind,
    // so that they keep reading from the store's tail of recent events instead of falling ever further back.
    await this.journeys.untilFollowersClose();
    // One atomic append for the whole batch (an HTTP request or a Kafka fetch), one stream per
    // customer: their events stay in order, and each journey keeps its own expected revision.
    const handled = await this.journeys.handleMany(batch);
    let recorded = 0;
    let duplicates = 0;
    for (const { result } of handled) {
      recorded += result?.appended ?? 0;
      duplicates += result?.duplicates.length ?? 0;
    }
    return { recorded, duplicates };
  }
}
