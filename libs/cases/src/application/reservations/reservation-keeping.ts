import { CLOCK, DomainRuleViolation, fold, type Clock } from '@regie/eventsourcing';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@regie/event-store';
import { caseDecider, caseStream, reservationSaga, type CaseEvent, type CaseTaken } from '../../domain';
import { AgentStreams, carryOut, CaseStreams } from '../case-streams';

export const RESERVATIONS = 'reservations';
const ATTEMPTS = 3;

/**
 * An assignment takes two appends: capacity on the agent's stream, then the case. Whatever stopped
 * in between (a crash, a lost race, a store failure), this finishes or undoes it from the recorded
 * reservation, so an agent's reserved capacity always comes to equal the cases it holds.
 */
@Injectable()
export class ReservationKeeping {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly cases: CaseStreams,
    private readonly agents: AgentStreams,
  ) {}

  async onEvent(recorded: RecordedEvent): Promise<void> {
    if (recorded.type !== 'CaseTaken') return;
    const taken = recorded.data as CaseTaken['data'];
    for (let attempt = 1; ; attempt += 1) {
      const history = await this.store.readStream(caseStream(taken.caseId));
      const caseState = fold(
        caseDecider,
        history.map((event) => ({ type: event.type, data: event.data }) as CaseEvent),
      );
      try {
        await carryOut(
          { cases: this.cases, agents: this.agents },
          RESERVATIONS,
          recorded,
          reservationSaga({ taken, caseState, now: this.clock.now().toISOString() }),
        );
        return;
      } catch (error) {
        // The case moved on between the read and the append (claimed, abandoned): look again.
        if (!(error instanceof DomainRuleViolation) || attempt >= ATTEMPTS) throw error;
      }
    }
  }
}
