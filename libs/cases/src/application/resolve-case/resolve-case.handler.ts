import { CLOCK, type Clock } from '@regie/eventsourcing';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseRules } from '../../domain';
import { CaseBoard } from '../board/case-board';
import { ResolveCaseCommand } from './resolve-case.command';
import { CaseStreams } from '../case-streams';

@CommandHandler(ResolveCaseCommand)
export class ResolveCaseHandler implements ICommandHandler<ResolveCaseCommand> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly board: CaseBoard,
    private readonly cases: CaseStreams,
  ) {}

  async execute({ caseId, agentId, outcome }: ResolveCaseCommand): Promise<void> {
    if (!(await this.board.find(caseId))) caseRules.refuse('no-such-case', `there is no case ${caseId}`);
    await this.cases.handle(
      caseId,
      { type: 'ResolveCase', data: { by: agentId, outcome, now: this.clock.now().toISOString() } },
      { causationId: `resolve:${caseId}`, correlationId: caseId, actor: agentId },
    );
  }
}
