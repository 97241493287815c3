import type { PresenceStatus } from '../../../domain/agent/agent.events';

export class SetPresenceCommand {
  constructor(
    readonly agentId: string,
    readonly status: PresenceStatus,
    readonly channels: readonly string[],
    readonly capacity: Readonly<Record<string, number>>,
  ) {}
}
