import { failureOf, stackFramesOf } from '@regie/eventsourcing';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { CaseOpened } from '../../domain/case/case.events';
import {
  CHECKPOINT_STORE,
  EVENT_STORE,
  subscribeWithCheckpoint,
  type CheckpointStore,
  type EventStore,
  type RecordedEvent,
  type Subscription,
} from '@regie/event-store';
import { MESSAGING, type DecisionPublisher as DecisionPort } from '@regie/messaging';
import { Leadership, type SingleWriter } from '@regie/eventsourcing/application';
import { ConceptInForce } from '@regie/concept';
import { DecisionSends } from './decision-sends';
import { JOURNEY_DECISIONS, toDecision } from './to-decision';

/** Publishes decisions from recorded events, at least once, in store order (checkpointed), in batches. */
@Injectable()
export class DecisionPublisher implements OnApplicationBootstrap, SingleWriter {
  readonly name = 'decisions';
  private readonly logger = new Logger('decisions');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CHECKPOINT_STORE) private readonly checkpoints: CheckpointStore,
    @Inject(MESSAGING) private readonly messaging: DecisionPort,
    private readonly leadership: Leadership,
    private readonly concept: ConceptInForce,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.leadership.whileLeading(this);
  }

  start(): Promise<Subscription> {
    // A new start (a restart, a new leader) begins with nothing in flight: what was not sent is read again.
    const sends = new DecisionSends((decisions) => this.messaging.publishDecisions(decisions));
    return subscribeWithCheckpoint(this.store, this.checkpoints, {
      name: 'decisions',
      // Handling is idempotent (derived ids, idempotency keys), so a restart may repeat some events. Following the
      // store, the checkpoint is saved each time it has caught up, so this counts in catch-up; each save is a turn of
      // the store's writer, and one every 25 events left this the slowest follower, holding ingest (backpressure).
      checkpointEvery: 500,
      streamPrefixes: ['case-', 'journey-', 'safety-'],
      onEvent: (event) => this.publish(event, sends),
      // Sent in batches beside the reading: no checkpoint passes a decision that is not published yet.
      beforeSave: () => sends.settled(),
      onError: (error) => this.logger.error(`decision publishing stopped: ${failureOf(error)}`, stackFramesOf(error)),
    });
  }

  /**
   * Most events call for no decision, and most that do need no read: those are handled at once, without a promise
   * (an async handler made two for each of ingest's events, and a turn of the subscription's loop).
   */
  private publish(event: RecordedEvent, sends: DecisionSends): Promise<void> | undefined {
    if (event.streamName.startsWith('journey-') && !JOURNEY_DECISIONS.has(event.type)) return undefined;
    if (event.streamName.startsWith('safety-') && event.type !== 'ExclusionRegistered') return undefined;
    if (event.streamName.startsWith('case-') && event.type !== 'CaseOpened') return this.publishOnCase(event, sends);
    this.decide(event, event.type === 'CaseOpened' ? (event.data as CaseOpened['data']) : undefined, sends);
    return undefined;
  }

  /** A case's later event, decided on what it was opened with. */
  private async publishOnCase(event: RecordedEvent, sends: DecisionSends): Promise<void> {
    const [first] = await this.store.readStream(event.streamName, { maxCount: 1 });
    this.decide(event, first?.type === 'CaseOpened' ? (first.data as CaseOpened['data']) : undefined, sends);
  }

  private decide(event: RecordedEvent, opened: CaseOpened['data'] | undefined, sends: DecisionSends): void {
    const decision = toDecision(event, opened, this.concept.current());
    if (decision) sends.add(decision);
  }
}
