import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SafetyEvent } from '@regie/domain';
import { Streams } from '../../shared/streams';
import { HandleSafetyCommand } from './handle-safety.command';

@CommandHandler(HandleSafetyCommand)
export class HandleSafetyHandler implements ICommandHandler<HandleSafetyCommand, readonly SafetyEvent[]> {
  constructor(private readonly streams: Streams) {}

  async execute({ customerId, command, actorId }: HandleSafetyCommand): Promise<readonly SafetyEvent[]> {
    const requestId = randomUUID();
    const { events } = await this.streams.onSafety(customerId, command, { causationId: requestId, correlationId: requestId, actor: actorId });
    return events;
  }
}
