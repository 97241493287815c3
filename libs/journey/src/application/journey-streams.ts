import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@regie/event-store';
import { StateCache, StreamHandler } from '@regie/eventsourcing/application';
import { journeyDecider, journeyStream, type JourneyCommand, type JourneyEvent, type JourneyState } from '../domain';

/** Journeys are never deleted, and every interaction appends to one: worth keeping folded. */
@Injectable()
export class JourneyStreams extends StreamHandler<JourneyCommand, JourneyEvent, JourneyState> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, journeyStream, journeyDecider, new StateCache<JourneyState>());
  }
}
