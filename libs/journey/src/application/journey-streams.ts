import { Inject, Injectable, Optional } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@regie/event-store';
import { CustomerDataHolders, jsonStates, StateCache, StreamHandler, type CustomerDataHolder } from '@regie/eventsourcing/application';
import { journeyDecider, journeyStream, type JourneyCommand, type JourneyEvent, type JourneyState } from '../domain';

/**
 * Earlier journey states kept per customer beside the latest. Ingest goes on while its followers are up to
 * 5,000 events behind, and a customer may have several batches in that stretch: with none kept, the
 * processor found the state it needed for 11,700 of 102,000 events in an instrumented ingest bench; with three, for
 * 101,250 of 101,943 (one fold fewer per event).
 */
const JOURNEY_STATES_KEPT = 3;

/**
 * Customers whose journeys are kept folded, unless configured (REGIE_JOURNEY_CACHE): the JOURNEYS_AS_OBJECTS used
 * last as objects, the rest as JSON text. An event of a customer kept is decided without reading the stream, which
 * for a customer not kept costs a read and a fold (80 µs for 5 events in a store of 1M, more for longer journeys).
 */
export const DEFAULT_JOURNEYS_CACHED = 100_000;

/**
 * Journeys kept as objects, with the states before (JOURNEY_STATES_KEPT): 3 KB a journey of 5 events, 11 KB of 50
 * (measured, sharing what did not change). Beyond them, a journey's latest state is kept as text: about 1 KB of 5
 * events and 4 KB of 50, encoded in 6–12 µs when let go and decoded in 5–14 µs when asked for again.
 */
const JOURNEYS_AS_OBJECTS = 10_000;

/** The provider of how many journeys JourneyStreams keeps folded. */
export const JOURNEYS_CACHED = Symbol('JOURNEYS_CACHED');

/**
 * Every interaction appends to a journey: worth keeping folded. An erasure drops the folded state. The last
 * few states are kept too: the escalation processor, a few batches behind, takes the journey as it stood
 * at its event from here instead of folding it again (JOURNEY_STATES_KEPT).
 */
@Injectable()
export class JourneyStreams extends StreamHandler<JourneyCommand, JourneyEvent, JourneyState> implements CustomerDataHolder {
  readonly name = 'journey-streams';

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Optional() holders?: CustomerDataHolders,
    @Optional() @Inject(JOURNEYS_CACHED) cached: number = DEFAULT_JOURNEYS_CACHED,
  ) {
    const asObjects = Math.min(cached, JOURNEYS_AS_OBJECTS);
    const cache = new StateCache<JourneyState>(asObjects, JOURNEY_STATES_KEPT, {
      capacity: cached - asObjects,
      codec: jsonStates<JourneyState>(), // a journey's state is JSON's own values (the decider's spec checks it)
    });
    super(eventStore, journeyStream, journeyDecider, cache);
    holders?.register(this);
  }

  /** Backpressure before recording input from outside: see EventStore.untilFollowersClose. */
  async untilFollowersClose(): Promise<void> {
    await this.eventStore.untilFollowersClose?.();
  }

  forgetCustomer(customerId: string): void {
    this.forget(customerId);
  }
}
