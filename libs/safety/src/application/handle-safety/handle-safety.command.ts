import type { SafetyCommand } from '../../domain/safety.commands';

/** One step of the aggression/exclusion process on a customer's safety stream, by `actorId`. */
export class HandleSafetyCommand {
  constructor(
    readonly customerId: string,
    readonly command: SafetyCommand,
    readonly actorId: string,
  ) {}
}
