import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@regie/event-store';
import { StreamHandler } from '@regie/eventsourcing/application';
import {
  agentDecider,
  agentStream,
  caseDecider,
  caseStream,
  type AgentCommand,
  type AgentEvent,
  type AgentState,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
} from '../domain';

@Injectable()
export class CaseStreams extends StreamHandler<CaseCommand, CaseEvent, CaseState> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, caseStream, caseDecider);
  }
}

@Injectable()
export class AgentStreams extends StreamHandler<AgentCommand, AgentEvent, AgentState> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, agentStream, agentDecider);
  }
}
