import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@regie/event-store';
import { StreamHandler } from '@regie/eventsourcing/application';
import { erasureDecider, erasureStream, type ErasureCommand, type ErasureEvent, type ErasureState } from '../domain';

@Injectable()
export class ErasureStreams extends StreamHandler<ErasureCommand, ErasureEvent, ErasureState> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, erasureStream, erasureDecider);
  }
}
