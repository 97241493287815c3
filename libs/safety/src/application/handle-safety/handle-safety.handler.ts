import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SafetyEvent } from '../../domain/safety.events';
import { HandleSafetyCommand } from './handle-safety.command';
import { SafetyStreams } from '../safety-streams';

@CommandHandler(HandleSafetyCommand)
export class HandleSafetyHandler implements ICommandHandler<HandleSafetyCommand, readonly SafetyEvent[]> {
  constructor(private readonly safety: SafetyStreams) {}

  async execute({ customerId, command, actorId }: HandleSafetyCommand): Promise<readonly SafetyEvent[]> {
    const requestId = randomUUID();
    const { events } = await this.safety.handle(customerId, command, { causationId: requestId, correlationId: requestId, actor: actorId });
    return events;
  }
}
