import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AgentsHttpController } from '../agents/agents.http.controller';
import { SetPresenceHandler } from '../agents/set-presence/set-presence.handler';
import { CasesHttpController } from './cases.http.controller';
import { ClaimCaseHandler } from './claim-case/claim-case.handler';
import { EscalateCaseHandler } from './escalate-case/escalate-case.handler';
import { ResolveCaseHandler } from './resolve-case/resolve-case.handler';

const commandHandlers = [SetPresenceHandler, ClaimCaseHandler, EscalateCaseHandler, ResolveCaseHandler];
const controllers = [CasesHttpController, AgentsHttpController];

/** The desk's part for agents: presence, the queues, and working a case. */
@Module({ imports: [CqrsModule], providers: commandHandlers, controllers })
export class CasesModule {}
