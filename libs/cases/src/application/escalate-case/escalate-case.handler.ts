import { CLOCK, type Clock } from '@regie/eventsourcing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { LAYER_ORDER, layerOf, ConceptInForce } from '@regie/concept';
import { EXCLUSIONS, type ExclusionsPort } from '@regie/safety';
import { derivedId } from '@regie/eventsourcing/application';
import { caseRules } from '../../domain';
import { CaseBoard } from '../board/case-board';
import { EscalateCaseCommand } from './escalate-case.command';
import { Inject } from '@nestjs/common';
import { CaseStreams } from '../case-streams';

export interface EscalatedCase {
  readonly caseId: string;
  readonly newCaseId: string;
  readonly toChannel: string;
}

/** Up the pyramid; a channel closed to the customer is replaced by the exclusion's alternative. */
@CommandHandler(EscalateCaseCommand)
export class EscalateCaseHandler implements ICommandHandler<EscalateCaseCommand, EscalatedCase> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly board: CaseBoard,
    private readonly cases: CaseStreams,
    private readonly concept: ConceptInForce,
    @Inject(EXCLUSIONS) private readonly exclusions: ExclusionsPort,
  ) {}

  async execute({ caseId, agentId, toChannel, reason }: EscalateCaseCommand): Promise<EscalatedCase> {
    const view = await this.board.find(caseId);
    if (!view) caseRules.refuse('no-such-case', `there is no case ${caseId}`);
    const excluded = await this.exclusions.excludedChannels(view.customerId, this.clock.now());
    // Own keys only: a channel named like an Object.prototype member must not find one.
    const closed = (channel: string) => Object.hasOwn(excluded, channel);
    const target = closed(toChannel) ? excluded[toChannel]?.find((alternative) => !closed(alternative)) : toChannel;
    const toLayer = target === undefined ? undefined : layerOf(this.concept.current(), target);
    if (target === undefined || toLayer === undefined) {
      const message = `${toChannel} is not a channel of the service concept open to this customer`;
      caseRules.refuse('channel-not-open', 'the case cannot go to that channel', [{ path: 'toChannel', message }]);
    }
    const newCaseId = derivedId('escalation', caseId, target);
    await this.cases.handle(
      caseId,
      {
        type: 'EscalateCase',
        data: { by: agentId, toChannel: target, toLayer, pyramid: LAYER_ORDER, newCaseId, reason, now: this.clock.now().toISOString() },
      },
      { causationId: `escalate:${caseId}`, correlationId: caseId, actor: agentId },
    );
    return { caseId, newCaseId, toChannel: target };
  }
}
