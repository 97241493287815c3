import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MESSAGING, type InteractionConsumer } from '@regie/messaging';
import { RecordInteractionsCommand, type RecordInteractionsResult } from '../record-interactions/record-interactions.command';

/** The orchestrator's intake: every consumed batch becomes one RecordInteractions command. */
@Injectable()
export class InteractionRecorder implements OnApplicationBootstrap {
  constructor(
    @Inject(MESSAGING) private readonly consumer: InteractionConsumer,
    private readonly commands: CommandBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.consumeInteractions(async (batch) => {
      await this.commands.execute<RecordInteractionsCommand, RecordInteractionsResult>(new RecordInteractionsCommand(batch));
    });
  }
}
