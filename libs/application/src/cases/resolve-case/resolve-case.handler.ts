import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProblemException } from '@regie/http';
import { Streams } from '../../shared/streams';
import { CaseBoard } from '../board/case-board';
import { ResolveCaseCommand } from './resolve-case.command';

@CommandHandler(ResolveCaseCommand)
export class ResolveCaseHandler implements ICommandHandler<ResolveCaseCommand> {
  constructor(
    private readonly board: CaseBoard,
    private readonly streams: Streams,
  ) {}

  async execute({ caseId, agentId, outcome }: ResolveCaseCommand): Promise<void> {
    if (!this.board.get(caseId)) throw ProblemException.notFound(`there is no case ${caseId}`);
    await this.streams.onCase(
      caseId,
      { type: 'ResolveCase', data: { by: agentId, outcome, now: new Date().toISOString() } },
      { causationId: `resolve:${caseId}`, correlationId: caseId, actor: agentId },
    );
  }
}
