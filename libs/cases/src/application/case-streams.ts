import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@regie/event-store';
import { reactionMetadata, StreamHandler } from '@regie/eventsourcing/application';
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
  type LifecycleCommand,
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

/** Carries out what a case saga decided, in order, each caused by `cause` with a stable idempotency key. */
export const carryOut = async (
  streams: { readonly cases: CaseStreams; readonly agents: AgentStreams },
  process: string,
  cause: RecordedEvent,
  commands: readonly LifecycleCommand[],
): Promise<void> => {
  for (const [index, next] of commands.entries()) {
    const metadata = reactionMetadata(process, cause, index);
    if (next.target === 'agent') await streams.agents.handle(next.id, next.command, metadata);
    else await streams.cases.handle(next.id, next.command, metadata);
  }
};
