import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProblemException } from '@regie/http';
import { CaseBoard } from '../board/case-board';
import { Streams } from '../../shared/streams';
import { ClaimCaseCommand } from './claim-case.command';

/** An agent takes a queued case: capacity is reserved on the agent's stream first, then the case is assigned. */
@CommandHandler(ClaimCaseCommand)
export class ClaimCaseHandler implements ICommandHandler<ClaimCaseCommand> {
  constructor(
    private readonly board: CaseBoard,
    private readonly streams: Streams,
  ) {}

  async execute({ caseId, agentId }: ClaimCaseCommand): Promise<void> {
    const view = this.board.get(caseId);
    if (!view) throw ProblemException.notFound(`there is no case ${caseId}`);
    const now = new Date().toISOString();
    const metadata = { causationId: `claim:${caseId}`, correlationId: caseId, actor: agentId };
    await this.streams.onAgent(agentId, { type: 'TakeCase', data: { caseId, channel: view.channel, now } }, metadata);
    try {
      await this.streams.onCase(caseId, { type: 'AssignCase', data: { agentId, how: 'claimed', now } }, metadata);
    } catch (error) {
      await this.streams.onAgent(agentId, { type: 'ReleaseCase', data: { caseId, why: 'not-assigned', now } }, metadata);
      throw error;
    }
  }
}
