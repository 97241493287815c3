export class EscalateCaseCommand {
  constructor(
    readonly caseId: string,
    readonly agentId: string,
    readonly toChannel: string,
    readonly reason: string,
  ) {}
}
