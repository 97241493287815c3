import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { ModuleImports } from '@regie/eventsourcing/application';
import { AgentsHttpController } from './agents/agents.http.controller';
import { SetPresenceHandler } from './agents/set-presence/set-presence.handler';
import { CasesHttpController } from './cases.http.controller';
import { QueuesHttpController } from './queues.http.controller';
import { ClaimCaseHandler } from './claim-case/claim-case.handler';
import { EscalateCaseHandler } from './escalate-case/escalate-case.handler';
import { ResolveCaseHandler } from './resolve-case/resolve-case.handler';

const commandHandlers = [SetPresenceHandler, ClaimCaseHandler, EscalateCaseHandler, ResolveCaseHandler];
const controllers = [CasesHttpController, QueuesHttpController, AgentsHttpController];

/** The desk's part for agents: presence, the queues, and working a case. Needs the board, the concept and safety records. */
@Module({})
export class CasesModule {
  static forRoot(imports: ModuleImports): DynamicModule {
    return { module: CasesModule, imports: [CqrsModule, ...imports], providers: commandHandlers, controllers };
  }
}
