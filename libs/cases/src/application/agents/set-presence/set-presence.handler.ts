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
    const accepted = `accepted: ${[...known].join(', ')}`;
    const unknown = [
      ...channels.map((channel, index) => ({ path: `channels[${index}]`, channel })),
      ...Object.keys(capacity).map((channel) => ({ path: `capacity.${channel}`, channel })),
    ]
      .filter(({ channel }) => !known.has(channel))
      .map(({ path, channel }) => ({ path, message: `"${channel}" is not a channel of the service concept; ${accepted}` }));
    if (unknown.length > 0) {
      agentRules.refuse('unknown-channels', 'the presence names channels the service concept does not have', unknown);
    }
    const at = this.clock.now().toISOString();
    await this.agents.handle(
      agentId,
      { type: 'SetPresence', data: { agentId, status, channels, capacity, at } },
      { causationId: `presence:${agentId}:${at}`, correlationId: `presence:${agentId}`, actor: agentId },
    );
  }
}
