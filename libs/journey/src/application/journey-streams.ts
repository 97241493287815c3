import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@regie/event-store';
import { failureOf } from '@regie/eventsourcing';
import { CustomerDataHolders, StateCache, StateSnapshots, StreamHandler, type CustomerDataHolder } from '@regie/eventsourcing/application';
import { JOURNEY_STATE_KIND, journeyDecider, journeyStream, type JourneyCommand, type JourneyEvent, type JourneyState } from '../domain';

/**
 * Earlier journey states kept per customer beside the latest. Ingest goes on while its followers are up to
 * 5,000 events behind, and a customer may have several batches in that stretch: with none kept, the
 * processor found the state it needed for 11,700 of 102,000 events in an instrumented ingest bench; with three, for
 * 101,250 of 101,943 (one fold fewer per event).
 */
const JOURNEY_STATES_KEPT = 3;

/**
 * Customers whose journeys are kept folded, unless configured (REGIE_JOURNEY_CACHE). A journey kept takes 3 KB with 5
 * events and 11 KB with 50 (its latest state and JOURNEY_STATES_KEPT before it, sharing what did not change).
 */
export const DEFAULT_JOURNEYS_CACHED = 10_000;

/** The provider of how many journeys are kept folded: by JourneyStreams, and by the escalation processor (its own, one state each). */
export const JOURNEYS_CACHED = Symbol('JOURNEYS_CACHED');

const logger = new Logger('journey-streams');

/**
 * Every interaction appends to a journey: worth keeping folded. A journey let go for room is saved as a snapshot
 * where the store keeps them (SQLite, PostgreSQL), and so is every journey held when the app stops: a customer who
 * returns is decided on it, one read, instead of on their whole history read and folded again. An erasure drops the
 * folded state, and the snapshot with the stream. The last
 * few states are kept too: the escalation processor, a few batches behind, takes the journey as it stood
 * at its event from here instead of folding it again (JOURNEY_STATES_KEPT).
 */
@Injectable()
export class JourneyStreams
  extends StreamHandler<JourneyCommand, JourneyEvent, JourneyState>
  implements CustomerDataHolder, BeforeApplicationShutdown
{
  readonly name = 'journey-streams';

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(JOURNEYS_CACHED) cached: number,
    @Optional() holders?: CustomerDataHolders,
  ) {
    const snapshots = StateSnapshots.in<JourneyState>(eventStore, JOURNEY_STATE_KIND, (error) =>
      logger.warn(`journeys let go from memory were not saved as snapshots (they will be read from their streams): ${failureOf(error)}`),
    );
    const letGo = snapshots && ((stream: string, revision: number, state: JourneyState) => snapshots.letGo(stream, revision, state));
    super(eventStore, journeyStream, journeyDecider, new StateCache<JourneyState>(cached, JOURNEY_STATES_KEPT, letGo), snapshots);
    holders?.register(this);
  }

  /** Backpressure before recording input from outside: see EventStore.untilFollowersClose. */
  async untilFollowersClose(): Promise<void> {
    await this.eventStore.untilFollowersClose?.();
  }

  /**
   * The journeys held are saved as snapshots before the store closes (a stop, not a crash), and from then on each
   * batch's as it is recorded (input in flight until the HTTP server and the consumers stop): see saveHeld.
   */
  async beforeApplicationShutdown(): Promise<void> {
    const started = performance.now();
    await this.saveHeld().then(
      () => logger.log(`journeys held in memory saved as snapshots in ${Math.round(performance.now() - started)} ms`),
      (error: unknown) => logger.warn(`journeys held in memory were not saved as snapshots: ${failureOf(error)}`),
    );
  }

  forgetCustomer(customerId: string): void {
    this.forget(customerId);
  }
}
