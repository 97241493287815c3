import { Inject, Injectable } from '@nestjs/common';
import { exclusionsInForce } from '../domain/safety.queries';
import { safetyDecider } from '../domain/safety.decider';
import { safetyStream, type SafetyEvent } from '../domain/safety.events';
import { type SafetyState } from '../domain/safety.state';
import { EVENT_STORE, type EventStore } from '@regie/event-store';
import type { ExclusionsPort } from './exclusions.port';
import { SafetyBoard } from './safety-board';

/**
 * Reads the customer's own safety stream, so routing never acts on a view of exclusions older than
 * the event it acts on. Most customers have no safety record at all: when the safety board has seen
 * every safety event up to that event and knows none of the customer's, there is nothing to read.
 */
/** No channel closed: one object for every customer without a safety record (it is never changed). */
const NONE_CLOSED: Readonly<Record<string, readonly string[]>> = Object.freeze({});

@Injectable()
export class StoreExclusions implements ExclusionsPort {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly board: SafetyBoard,
  ) {}

  async stateOf(customerId: string): Promise<SafetyState> {
    const events = await this.store.readStream(safetyStream(customerId));
    return events.reduce(
      (state, event) => safetyDecider.evolve(state, { type: event.type, data: event.data } as SafetyEvent),
      safetyDecider.initialState(),
    );
  }

  noneClosed(customerId: string, recordedUpTo: number): boolean {
    return this.board.seenUpTo >= recordedUpTo && !this.board.knows(customerId);
  }

  async excludedChannels(customerId: string, at: Date, recordedUpTo?: number): Promise<Readonly<Record<string, readonly string[]>>> {
    if (recordedUpTo !== undefined && this.noneClosed(customerId, recordedUpTo)) return NONE_CLOSED;
    const closed: Record<string, string[]> = {};
    for (const exclusion of exclusionsInForce(await this.stateOf(customerId), at.toISOString())) {
      for (const channel of exclusion.channels) closed[channel] = [...new Set([...(closed[channel] ?? []), ...exclusion.alternatives])];
    }
    return closed;
  }
}
