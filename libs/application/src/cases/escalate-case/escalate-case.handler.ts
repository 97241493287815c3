import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { layerOf } from '@regie/domain';
import { ProblemException } from '@regie/http';
import { ConceptInForce } from '../../concept/concept-in-force';
import { EXCLUSIONS, type ExclusionsPort } from '../../escalation/exclusions.port';
import { derivedId } from '../../shared/ids';
import { Streams } from '../../shared/streams';
import { CaseBoard } from '../board/case-board';
import { EscalateCaseCommand } from './escalate-case.command';
import { Inject } from '@nestjs/common';

export interface EscalatedCase {
  readonly caseId: string;
  readonly newCaseId: string;
  readonly toChannel: string;
}

/** Up the pyramid; a channel closed to the customer is replaced by the exclusion's alternative. */
@CommandHandler(EscalateCaseCommand)
export class EscalateCaseHandler implements ICommandHandler<EscalateCaseCommand, EscalatedCase> {
  constructor(
    private readonly board: CaseBoard,
    private readonly streams: Streams,
    private readonly concept: ConceptInForce,
    @Inject(EXCLUSIONS) private readonly exclusions: ExclusionsPort,
  ) {}

  async execute({ caseId, agentId, toChannel, reason }: EscalateCaseCommand): Promise<EscalatedCase> {
    const view = this.board.get(caseId);
    if (!view) throw ProblemException.notFound(`there is no case ${caseId}`);
    const excluded = await this.exclusions.excludedChannels(view.customerId, new Date());
    const target = excluded[toChannel] ? excluded[toChannel].find((alternative) => !excluded[alternative]) : toChannel;
    const toLayer = target === undefined ? undefined : layerOf(this.concept.current(), target);
    if (target === undefined || toLayer === undefined) {
      throw ProblemException.validation([{ path: 'toChannel', message: `${toChannel} is not a channel of the service concept open to this customer` }]);
    }
    const newCaseId = derivedId('escalation', caseId, target);
    await this.streams.onCase(
      caseId,
      { type: 'EscalateCase', data: { by: agentId, toChannel: target, toLayer, newCaseId, reason, now: new Date().toISOString() } },
      { causationId: `escalate:${caseId}`, correlationId: caseId, actor: agentId },
    );
    return { caseId, newCaseId, toChannel: target };
  }
}
