import { CLOCK, type Clock } from '@regie/eventsourcing';
import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { conceptDecider, conceptStream } from '../../domain/concept.decider';
import { conceptRules } from '../../domain/concept.rules';
import { EVENT_STORE, type EventStore } from '@regie/event-store';
import { validateServiceConcept } from '../file/validate-service-concept';
import { handleCommands } from '@regie/eventsourcing/application';
import { ConceptInForce } from '../concept-in-force';
import { ReviseConceptCommand } from './revise-concept.command';

export interface ConceptRevision {
  readonly name: string;
  readonly revision: number;
  readonly changed: boolean;
}

@CommandHandler(ReviseConceptCommand)
export class ReviseConceptHandler implements ICommandHandler<ReviseConceptCommand, ConceptRevision> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly inForce: ConceptInForce,
  ) {}

  async execute({ raw, supervisorId, basedOn }: ReviseConceptCommand): Promise<ConceptRevision> {
    const validated = validateServiceConcept(raw);
    if (!validated.ok) conceptRules.refuse('concept-invalid', 'the service concept is not valid', validated.issues);
    const concept = validated.value;
    const requestId = randomUUID();
    const { events, result } = await handleCommands(this.store, conceptStream(this.inForce.current().name), conceptDecider, [
      {
        command: {
          type: 'ReviseConcept',
          data: { concept, by: supervisorId, at: this.clock.now().toISOString(), ...(basedOn !== undefined && { basedOn }) },
        },
        metadata: { causationId: requestId, correlationId: requestId, actor: supervisorId },
      },
    ]);
    // In force here at once; other processes follow through their subscription.
    if (result) this.inForce.adopt(concept, result.nextExpectedRevision);
    return { name: concept.name, revision: this.inForce.revision(), changed: events.length > 0 };
  }
}
