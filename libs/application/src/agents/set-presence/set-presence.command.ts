import type { PresenceStatus } from '@regie/domain';

export class SetPresenceCommand {
  constructor(
    readonly agentId: string,
    readonly status: PresenceStatus,
    readonly channels: readonly string[],
    readonly capacity: Readonly<Record<string, number>>,
  ) {}
}
