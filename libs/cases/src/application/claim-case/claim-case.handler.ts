import { CLOCK, type Clock } from '@regie/eventsourcing';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseRules } from '../../domain';
import { CaseBoard } from '../board/case-board';
import { ClaimCaseCommand } from './claim-case.command';
import { CaseStreams, AgentStreams } from '../case-streams';

/** An agent takes a queued case: capacity is reserved on the agent's stream first, then the case is assigned. */
@CommandHandler(ClaimCaseCommand)
export class ClaimCaseHandler implements ICommandHandler<ClaimCaseCommand> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly board: CaseBoard,
    private readonly cases: CaseStreams,
    private readonly agents: AgentStreams,
  ) {}

  async execute({ caseId, agentId }: ClaimCaseCommand): Promise<void> {
    const view = this.board.get(caseId);
    if (!view) caseRules.refuse('no-such-case', `there is no case ${caseId}`);
    const now = this.clock.now().toISOString();
    const metadata = { causationId: `claim:${caseId}`, correlationId: caseId, actor: agentId };
    await this.agents.handle(agentId, { type: 'TakeCase', data: { caseId, channel: view.channel, now } }, metadata);
    try {
      await this.cases.handle(caseId, { type: 'AssignCase', data: { agentId, how: 'claimed', now } }, metadata);
    } catch (error) {
      await this.agents.handle(agentId, { type: 'ReleaseCase', data: { caseId, why: 'not-assigned', now } }, metadata);
      throw error;
    }
  }
}
