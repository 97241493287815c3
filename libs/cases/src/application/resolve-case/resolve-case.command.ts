export class ResolveCaseCommand {
  constructor(
    readonly caseId: string,
    readonly agentId: string,
    readonly outcome: 'resolved' | 'unresolved',
  ) {}
}
