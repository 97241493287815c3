import { Inject, Injectable } from '@nestjs/common';
import { exclusionsInForce } from '../domain/safety.queries';
import { safetyDecider } from '../domain/safety.decider';
import { safetyStream, type SafetyEvent } from '../domain/safety.events';
import { type SafetyState } from '../domain/safety.state';
import { EVENT_STORE, type EventStore } from '@regie/event-store';
import type { ExclusionsPort } from './exclusions.port';

/** Reads the customer's own safety stream, so routing never acts on a stale view of an exclusion. */
@Injectable()
export class StoreExclusions implements ExclusionsPort {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async stateOf(customerId: string): Promise<SafetyState> {
    const events = await this.store.readStream(safetyStream(customerId));
    return events.reduce(
      (state, event) => safetyDecider.evolve(state, { type: event.type, data: event.data } as SafetyEvent),
      safetyDecider.initialState(),
    );
  }

  async excludedChannels(customerId: string, at: Date): Promise<Readonly<Record<string, readonly string[]>>> {
    const closed: Record<string, string[]> = {};
    for (const exclusion of exclusionsInForce(await this.stateOf(customerId), at.toISOString())) {
      for (const channel of exclusion.channels) closed[channel] = [...new Set([...(closed[channel] ?? []), ...exclusion.alternatives])];
    }
    return closed;
  }
}
