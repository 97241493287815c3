import { CLOCK, type Clock, failureOf, isoText, stackFramesOf } from '@regie/eventsourcing';
import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap } from '@nestjs/common';
import { caseLifecycleSaga } from '../../domain/case/case-lifecycle.saga';
import { caseStream, type CaseEvent, type CaseOpened } from '../../domain/case/case.events';
import { escalationSaga, type EscalationCommand, type EscalationInput } from '../../domain/escalation/escalation.saga';
import { exclusionEnforcementSaga } from '../../domain/escalation/exclusion-enforcement.saga';
import { journeyDecider, journeyStream, type DenyAccess, type JourneyEvent, type JourneyState } from '@regie/journey';
import {
  CHECKPOINT_STORE,
  EVENT_STORE,
  subscribeWithCheckpoint,
  type CheckpointStore,
  type EventStore,
  type RecordedEvent,
  type Subscription,
} from '@regie/event-store';
import { CaseBoard } from '../board/case-board';
import { ConceptInForce } from '@regie/concept';
import { escalationRulesFrom } from './escalation-rules';
import {
  CustomerDataHolders,
  derivedId,
  Leadership,
  type CustomerDataHolder,
  type SingleWriter,
  reactionMetadata,
  StateCache,
} from '@regie/eventsourcing/application';
import { EXCLUSIONS, type ExclusionsPort } from '@regie/safety';
import { AgentStreams, carryOut, CaseStreams } from '../case-streams';
import { JOURNEYS_CACHED, JourneyStreams } from '@regie/journey';
import { RegieMetrics } from '@regie/observability';

const PROCESS = 'escalation';

/** Case ids are derived from what triggered them, so a repeated trigger finds the same case. */
const caseIdFor = (customer: string, contact: string, channel: string) => derivedId('case', customer, contact, channel);

/** No channel closed to the customer. */
const NONE_CLOSED: Readonly<Record<string, readonly string[]>> = Object.freeze({});

/**
 * Runs the pure escalation and case-lifecycle sagas over recorded events and carries out the
 * commands they return. Checkpointed; every command is idempotent, so a replay after a crash is harmless.
 */
@Injectable()
export class EscalationProcessor implements OnApplicationBootstrap, SingleWriter, CustomerDataHolder {
  readonly name = PROCESS;
  /** The journey as it stood at the last event handled, per customer: for the next one when recording kept no state for it. */
  private readonly folded: StateCache<JourneyState>;
  private readonly logger = new Logger(PROCESS);

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CHECKPOINT_STORE) private readonly checkpoints: CheckpointStore,
    @Inject(EXCLUSIONS) private readonly exclusions: ExclusionsPort,
    private readonly cases: CaseStreams,
    private readonly agents: AgentStreams,
    private readonly journeys: JourneyStreams,
    private readonly board: CaseBoard,
    private readonly concept: ConceptInForce,
    private readonly leadership: Leadership,
    private readonly metrics: RegieMetrics,
    @Inject(JOURNEYS_CACHED) journeysCached: number,
    @Optional() holders?: CustomerDataHolders,
  ) {
    this.folded = new StateCache<JourneyState>(journeysCached);
    holders?.register(this);
  }

  forgetCustomer(customerId: string): void {
    this.folded.delete(journeyStream(customerId));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.leadership.whileLeading(this);
  }

  start(): Promise<Subscription> {
    return subscribeWithCheckpoint(this.store, this.checkpoints, {
      name: PROCESS,
      // Handling is idempotent (derived ids, idempotency keys), so a restart may repeat some events; following
      // the store, the checkpoint is saved each time it has caught up (after every append), so this counts in catch-up.
      checkpointEvery: 500,
      streamPrefixes: ['journey-', 'case-'],
      onEvent: (event) => (event.streamName.startsWith('journey-') ? this.onJourneyEvent(event) : this.onCaseEvent(event)),
      onError: (error) => this.logger.error(`escalation stopped: ${failureOf(error)}`, stackFramesOf(error)),
    });
  }

  /**
   * Most events are handled at once, without a promise: the journey as recording left it is kept, no exclusion can
   * apply (the safety board knows the customer has no safety record), and the sagas call for nothing.
   */
  private onJourneyEvent(recorded: RecordedEvent): Promise<void> | undefined {
    // A recorded event has the journey event's type and data: read as that event where it stands, not copied.
    const event = recorded as unknown as JourneyEvent;
    const customerId = event.data.customerId;
    // The journey as it stood with this event applied: as recording it left it (unless that batch held more of the
    // customer's events), or folded on from the previous event when known, or from the stream.
    const journey = this.journeys.stateAt(customerId, recorded.revision);
    if (journey === undefined || !this.exclusions.noneClosed?.(customerId, recorded.position)) {
      return this.onJourneyEventRead(recorded, event, journey);
    }
    // Kept by recording, it is not kept here again: the next event's fold starts from recording's (foldedTo).
    return this.react(recorded, event, journey, this.clock.now(), NONE_CLOSED);
  }

  private async onJourneyEventRead(recorded: RecordedEvent, event: JourneyEvent, kept: JourneyState | undefined): Promise<void> {
    const journey = kept ?? (await this.foldedTo(recorded, event));
    this.folded.set(recorded.streamName, recorded.revision, journey);
    const now = this.clock.now();
    await this.react(recorded, event, journey, now, await this.exclusions.excludedChannels(event.data.customerId, now, recorded.position));
  }

  /** What the sagas call for on this event, carried out; undefined when they call for nothing. */
  private react(
    recorded: RecordedEvent,
    event: JourneyEvent,
    journey: JourneyState,
    now: Date,
    excluded: Readonly<Record<string, readonly string[]>>,
  ): Promise<void> | undefined {
    const concept = this.concept.current();
    const escalation = {
      event,
      journey,
      rules: escalationRulesFrom(concept),
      now: isoText(now),
      earlierCases: [] as readonly string[],
      excluded,
      caseIdFor,
    };
    const escalations = escalationSaga(escalation);
    const denials = exclusionEnforcementSaga({ event, excluded, videoChannel: concept.escalation.video.channel });
    if (escalations.length === 0 && denials.length === 0) return undefined;
    return this.carryOutReactions(recorded, escalation, escalations, denials);
  }

  private async carryOutReactions(
    recorded: RecordedEvent,
    escalation: EscalationInput,
    first: readonly EscalationCommand[],
    denials: readonly DenyAccess[],
  ): Promise<void> {
    const customerId = escalation.event.data.customerId;
    // The earlier cases are the context of a case being opened, and a query: read only then. The saga is pure
    // and whether it opens a case does not depend on them, so it is asked again with them.
    const escalations = first.some((command) => command.type === 'OpenCase')
      ? escalationSaga({ ...escalation, earlierCases: await this.board.casesOf(customerId) })
      : first;
    const commands = [...denials, ...escalations];
    for (let index = 0; index < commands.length; index += 1) {
      const command = commands[index]!;
      const metadata = reactionMetadata(PROCESS, recorded, index);
      if (command.type === 'OpenCase') {
        const { result } = await this.cases.handle(command.data.caseId, command, metadata);
        // Only a case opened now: one replayed after a restart (a duplicate) says nothing about latency.
        if (result && result.appended > 0) {
          this.metrics.caseQueued(command.data.channel, (Date.now() - Date.parse(recorded.recordedAt)) / 1000);
        }
      } else await this.journeys.handle(customerId, command, metadata);
    }
  }

  /**
   * The journey with this event applied: folded on from the state before it, as recording or this processor keeps it,
   * or read. Not for an event that opened its stream (`opensStream`): the revision before it may be an erased run's,
   * whose state either of them may still keep (the erasure ran on another instance, or this processor handled the
   * erased run's last events after it was told).
   */
  private async foldedTo(recorded: RecordedEvent, event: JourneyEvent): Promise<JourneyState> {
    if (recorded.metadata.opensStream !== true) {
      const before = this.journeys.stateAt(event.data.customerId, recorded.revision - 1);
      if (before !== undefined) return journeyDecider.evolve(before, event);
      const previous = this.folded.get(recorded.streamName);
      if (previous?.revision === recorded.revision - 1) return journeyDecider.evolve(previous.state, event);
    }
    const history = await this.store.readStream(recorded.streamName, { maxCount: recorded.revision + 1 });
    // Up to this event, not past it: after an erasure a stream's revisions go on from where they were, so the first
    // revision + 1 events may reach beyond this one.
    return history.reduce(
      (state, e) => (e.revision <= recorded.revision ? journeyDecider.evolve(state, e as unknown as JourneyEvent) : state),
      journeyDecider.initialState(),
    );
  }

  private async onCaseEvent(recorded: RecordedEvent): Promise<void> {
    const event = { type: recorded.type, data: recorded.data } as CaseEvent;
    if (event.type !== 'CaseResolved' && event.type !== 'CaseEscalated') return;
    const [first] = await this.store.readStream(caseStream(event.data.caseId), { maxCount: 1 });
    if (first?.type !== 'CaseOpened') return;
    const commands = caseLifecycleSaga({
      event,
      opened: first.data as CaseOpened['data'],
      rules: escalationRulesFrom(this.concept.current()),
      now: this.clock.now().toISOString(),
    });
    await carryOut({ cases: this.cases, agents: this.agents }, PROCESS, recorded, commands);
  }
}
