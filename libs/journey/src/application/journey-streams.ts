import { Inject, Injectable, Optional } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@regie/event-store';
import { CustomerDataHolders, StateCache, StreamHandler, type CustomerDataHolder } from '@regie/eventsourcing/application';
import { journeyDecider, journeyStream, type JourneyCommand, type JourneyEvent, type JourneyState } from '../domain';

/** Every interaction appends to a journey: worth keeping folded. An erasure drops the folded state. */
@Injectable()
export class JourneyStreams extends StreamHandler<JourneyCommand, JourneyEvent, JourneyState> implements CustomerDataHolder {
  readonly name = 'journey-streams';

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Optional() holders?: CustomerDataHolders,
  ) {
    super(eventStore, journeyStream, journeyDecider, new StateCache<JourneyState>());
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
