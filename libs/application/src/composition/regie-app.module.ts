import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AuthModule } from '@regie/auth';
import { EventStoreModule } from '@regie/event-store';
import { MessagingModule } from '@regie/messaging';
import type { ServiceConceptFile } from '@regie/service-concept';
import { CaseBoardModule } from '../cases/board/case-board.module';
import { CasesModule } from '../cases/cases.module';
import { DispatchModule } from '../cases/dispatch/dispatch.module';
import { ConceptDeskModule } from '../concept/concept-desk.module';
import { ConceptModule } from '../concept/concept.module';
import type { RegieConfig } from '../config/regie.config';
import { DecisionPublishingModule, DecisionStreamModule } from '../decisions/decisions.module';
import { EscalationProcessingModule } from '../escalation/escalation-processing.module';
import { HealthModule } from '../health/health.module';
import { IngestModule } from '../ingest/ingest.module';
import { IntakeModule } from '../ingest/intake.module';
import { JourneyModule } from '../journey/journey.module';
import { ProjectionsModule } from '../projections/projections.module';
import { SafetyDeskModule, SafetyRecordsModule, SafetyTimekeepingModule } from '../safety/safety.module';
import { LeadershipModule } from '../shared/leadership.module';
import { StreamsModule } from '../shared/streams.module';
import { messagingOptionsFrom } from './messaging-options';
import { storeOptionsFrom } from './store-options';

export const REGIE_ROLES = ['gateway', 'orchestrator', 'desk'] as const;
export type RegieRole = (typeof REGIE_ROLES)[number];

/** What each deployable role runs; the embedded app runs all three in one process. */
export const ROLE_MODULES: Readonly<Record<RegieRole, readonly Type[]>> = {
  gateway: [IngestModule],
  orchestrator: [IntakeModule, EscalationProcessingModule, DispatchModule, SafetyTimekeepingModule, DecisionPublishingModule],
  desk: [JourneyModule, CasesModule, SafetyDeskModule, ConceptDeskModule, ProjectionsModule, DecisionStreamModule],
};

export interface RegieAppOptions {
  readonly roles: readonly RegieRole[];
  readonly config: RegieConfig;
  readonly concept: ServiceConceptFile;
  readonly jwtSecret: string;
  /** Feature modules that are not yet part of a role's list. */
  readonly extraModules?: readonly Type[];
}

@Module({})
export class RegieAppModule {
  static forRoot({ roles, config, concept, jwtSecret, extraModules = [] }: RegieAppOptions): DynamicModule {
    return {
      module: RegieAppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ ...config })] }),
        AuthModule.forRoot({ secret: jwtSecret, requestsPerMinute: config.REGIE_RATE_LIMIT }),
        EventStoreModule.forRoot(storeOptionsFrom(config)),
        MessagingModule.forRoot(messagingOptionsFrom(config)),
        ConceptModule.forRoot(concept),
        StreamsModule,
        LeadershipModule,
        CaseBoardModule,
        SafetyRecordsModule,
        HealthModule,
        ...new Set(roles.flatMap((role) => ROLE_MODULES[role])),
        ...extraModules,
      ],
    };
  }
}
