import { CLOCK, type Clock } from '@regie/eventsourcing';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ConceptInForce } from '@regie/concept';
import { SetPresenceCommand } from './set-presence.command';
import { AgentStreams } from '../../case-streams';
import { agentRules } from '../../../domain';

@CommandHandler(SetPresenceCommand)
export class SetPresenceHandler implements ICommandHandler<SetPresenceCommand> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly agents: AgentStreams,
    private readonly concept: ConceptInForce,
  ) {}

  async execute({ agentId, status, channels, capacity }: SetPresenceCommand): Promise<void> {
    const known = this.concept.channelIds();
    const unknown = [...channels, ...Object.keys(capacity)].filter((channel) => !known.has(channel));
    if (unknown.length > 0) {
      const message = `unknown channels: ${[...new Set(unknown)].join(', ')}; accepted: ${[...known].join(', ')}`;
      agentRules.refuse('unknown-channels', 'the presence names channels the service concept does not have', [
        { path: 'channels', message },
      ]);
    }
    const at = this.clock.now().toISOString();
    await this.agents.handle(
      agentId,
      { type: 'SetPresence', data: { agentId, status, channels, capacity, at } },
      { causationId: `presence:${agentId}:${at}`, correlationId: `presence:${agentId}`, actor: agentId },
    );
  }
}
