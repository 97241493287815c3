export class ClaimCaseCommand {
  constructor(
    readonly caseId: string,
    readonly agentId: string,
  ) {}
}
