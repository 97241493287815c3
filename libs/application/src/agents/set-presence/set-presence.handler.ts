import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProblemException } from '@regie/http';
import { ConceptInForce } from '../../concept/concept-in-force';
import { Streams } from '../../shared/streams';
import { SetPresenceCommand } from './set-presence.command';

@CommandHandler(SetPresenceCommand)
export class SetPresenceHandler implements ICommandHandler<SetPresenceCommand> {
  constructor(
    private readonly streams: Streams,
    private readonly concept: ConceptInForce,
  ) {}

  async execute({ agentId, status, channels, capacity }: SetPresenceCommand): Promise<void> {
    const known = this.concept.channelIds();
    const unknown = [...channels, ...Object.keys(capacity)].filter((channel) => !known.has(channel));
    if (unknown.length > 0) {
      throw ProblemException.validation([{ path: 'channels', message: `unknown channels: ${[...new Set(unknown)].join(', ')}; accepted: ${[...known].join(', ')}` }]);
    }
    const at = new Date().toISOString();
    await this.streams.onAgent(
      agentId,
      { type: 'SetPresence', data: { agentId, status, channels, capacity, at } },
      { causationId: `presence:${agentId}:${at}`, correlationId: `presence:${agentId}`, actor: agentId },
    );
  }
}
