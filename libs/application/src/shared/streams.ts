import { Inject, Injectable } from '@nestjs/common';
import {
  agentDecider,
  agentStream,
  caseDecider,
  caseStream,
  journeyDecider,
  journeyStream,
  safetyDecider,
  safetyStream,
  type AgentCommand,
  type CaseCommand,
  type JourneyCommand,
  type JourneyState,
  type SafetyCommand,
} from '@regie/domain';
import { EVENT_STORE, type EventMetadata, type EventStore } from '@regie/event-store';
import { handleCommands } from './handle-command';
import { StateCache } from './state-cache';

/** One entry point per stream kind: load, decide, append with the expected revision. */
@Injectable()
export class Streams {
  /** Journeys are never deleted, and every interaction appends to one: worth keeping folded. */
  readonly journeys = new StateCache<JourneyState>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  onCase(caseId: string, command: CaseCommand, metadata: EventMetadata) {
    return handleCommands(this.store, caseStream(caseId), caseDecider, [{ command, metadata }]);
  }

  onAgent(agentId: string, command: AgentCommand, metadata: EventMetadata) {
    return handleCommands(this.store, agentStream(agentId), agentDecider, [{ command, metadata }]);
  }

  onJourney(customerId: string, command: JourneyCommand, metadata: EventMetadata) {
    return handleCommands(this.store, journeyStream(customerId), journeyDecider, [{ command, metadata }], { cache: this.journeys });
  }

  onSafety(customerId: string, command: SafetyCommand, metadata: EventMetadata) {
    return handleCommands(this.store, safetyStream(customerId), safetyDecider, [{ command, metadata }]);
  }
}
