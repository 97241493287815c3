import { CLOCK, type Clock, failureOf, stackFramesOf } from '@regie/eventsourcing';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { conceptDecider, conceptStream } from '../domain/concept.decider';
import { type ConceptEvent } from '../domain/concept.events';
import { type ServiceConcept } from '../domain/service-concept';
import { EVENT_STORE, START, type EventStore, type Subscription } from '@regie/event-store';
import { handleCommands } from '@regie/eventsourcing/application';
import { ConceptInForce } from './concept-in-force';

export const CONCEPT_FILE_DIGEST = Symbol('CONCEPT_FILE_DIGEST');
const ACTOR = 'regie:concept-file';

/**
 * Keeps every process on the same concept: at start the file is adopted when it changed since
 * it was last read, then each recorded revision (from this process or another) comes into force.
 */
@Injectable()
export class ConceptSync implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('concept');
  private subscription?: Subscription;

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CONCEPT_FILE_DIGEST) private readonly fileDigest: string,
    private readonly inForce: ConceptInForce,
  ) {}

  async onModuleInit(): Promise<void> {
    const fromFile = this.inForce.current();
    const stream = conceptStream(fromFile.name);
    const at = this.clock.now().toISOString();
    await handleCommands(this.store, stream, conceptDecider, [
      {
        command: { type: 'AdoptConceptFile', data: { concept: fromFile, fileDigest: this.fileDigest, by: ACTOR, at } },
        metadata: { causationId: `concept-file:${this.fileDigest}`, correlationId: `concept-file:${this.fileDigest}`, actor: ACTOR },
      },
    ]);
    const recorded = await this.store.readStream(stream);
    recorded.forEach((event) => this.apply(event.data as ConceptEvent['data'], event.revision));
    const after = recorded.at(-1)?.position ?? START;
    this.subscription = this.store.subscribe({
      after,
      streamPrefixes: [stream],
      onEvent: (event) => {
        if (event.streamName === stream) this.apply(event.data as ConceptEvent['data'], event.revision);
      },
      onError: (error) => this.logger.error(`concept subscription stopped: ${failureOf(error)}`, stackFramesOf(error)),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }

  private apply(data: { concept: ServiceConcept }, revision: number): void {
    this.inForce.adopt(data.concept, revision);
  }
}
