import { CLOCK, type Clock } from '@regie/eventsourcing';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseRules } from '../../domain';
import { CaseBoard } from '../board/case-board';
import { ClaimCaseCommand } from './claim-case.command';
import { CaseStreams, AgentStreams } from '../case-streams';

/**
 * An agent takes a queued case: capacity is reserved on the agent's stream first, then the case is
 * assigned. The reservation is recorded, so the reservation keeping finishes or undoes what stops between.
 */
@CommandHandler(ClaimCaseCommand)
export class ClaimCaseHandler implements ICommandHandler<ClaimCaseCommand> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly board: CaseBoard,
    private readonly cases: CaseStreams,
    private readonly agents: AgentStreams,
  ) {}

  async execute({ caseId, agentId }: ClaimCaseCommand): Promise<void> {
    const view = await this.board.find(caseId);
    if (!view) caseRules.refuse('no-such-case', `there is no case ${caseId}`);
    const now = this.clock.now().toISOString();
    const metadata = { causationId: `claim:${caseId}`, correlationId: caseId, actor: agentId };
    await this.agents.handle(agentId, { type: 'TakeCase', data: { caseId, channel: view.channel, how: 'claimed', now } }, metadata);
    // If this is refused (claimed meanwhile) or never happens (a crash), the reservation keeping gives the capacity back.
    await this.cases.handle(caseId, { type: 'AssignCase', data: { agentId, how: 'claimed', now } }, metadata);
  }
}
