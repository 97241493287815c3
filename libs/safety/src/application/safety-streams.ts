import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@regie/event-store';
import { StreamHandler } from '@regie/eventsourcing/application';
import { safetyDecider, safetyStream, type SafetyCommand, type SafetyEvent, type SafetyState } from '../domain';

@Injectable()
export class SafetyStreams extends StreamHandler<SafetyCommand, SafetyEvent, SafetyState> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, safetyStream, safetyDecider);
  }
}
