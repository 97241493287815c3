import type { DynamicModule } from '@nestjs/common';
import { AuthModule, type Identity } from '@regie/auth';
import { CaseBoardModule } from '@regie/cases';
import { ConceptModule, type ServiceConceptFile } from '@regie/concept';
import { EventStoreModule } from '@regie/event-store';
import type { Clock } from '@regie/eventsourcing';
import { ClockModule, CustomerDataModule, LeadershipModule, ReadinessModule } from '@regie/eventsourcing/application';
import { JourneyModule } from '@regie/journey';
import { MessagingModule } from '@regie/messaging';
import { ObservabilityModule, type Observability } from '@regie/observability';
import { HealthModule, jsonLimitsFrom, messagingOptionsFrom, storeOptionsFrom, type RegieConfig } from '@regie/platform';
import { SafetyRecordsModule } from '@regie/safety';

/**
 * The modules several roles share, each built once per process so that every module importing one
 * gets the same instance: adapters, the concept in force, leadership, and the contexts' core state.
 * Nothing is global: a role's modules name which of these they import.
 */
export interface Platform {
  readonly config: RegieConfig;
  /** Regie's own tokens, or an OIDC provider's (the pages sign in through it). */
  readonly identity: Identity;
  readonly auth: DynamicModule;
  readonly health: DynamicModule;
  /** GET /metrics and the metrics the contexts record into (RegieMetrics). */
  readonly observability: DynamicModule;
  readonly clock: DynamicModule;
  readonly store: DynamicModule;
  readonly concept: DynamicModule;
  readonly messaging: DynamicModule;
  readonly leadership: DynamicModule;
  readonly journeys: DynamicModule;
  readonly board: DynamicModule;
  readonly safety: DynamicModule;
  /** What in this process keeps customer data outside their streams, for the erasure to reach. */
  readonly customerData: DynamicModule;
  /** Whether the read models this process answers from have caught up (`/health/ready`). */
  readonly readiness: DynamicModule;
}

export const buildPlatform = (
  config: RegieConfig,
  file: ServiceConceptFile,
  identity: Identity,
  time: Clock,
  observe: Observability,
): Platform => {
  const clock = ClockModule.forRoot(time);
  const observability = ObservabilityModule.forRoot(observe);
  const store = EventStoreModule.forRoot(storeOptionsFrom(config), observe.metrics);
  const concept = ConceptModule.forRoot(file, [store, clock], jsonLimitsFrom(config));
  const messaging = MessagingModule.forRoot(messagingOptionsFrom(config), [concept, observability]);
  const customerData = CustomerDataModule.forRoot();
  const readiness = ReadinessModule.forRoot();
  return {
    config,
    identity,
    auth: AuthModule.forRoot({ identity, requestsPerMinute: config.REGIE_RATE_LIMIT }),
    health: HealthModule.forRoot([store, readiness]),
    observability,
    clock,
    store,
    concept,
    messaging,
    leadership: LeadershipModule.forRoot([messaging]),
    journeys: JourneyModule.forRoot([store, customerData], {
      ...(config.REGIE_JOURNEY_CACHE !== undefined && { cachedJourneys: config.REGIE_JOURNEY_CACHE }),
    }),
    board: CaseBoardModule.forRoot([store, observability, customerData, readiness]),
    safety: SafetyRecordsModule.forRoot([store, customerData, readiness]),
    customerData,
    readiness,
  };
};
