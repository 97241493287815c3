import { Module, type DynamicModule } from '@nestjs/common';
import type { ModuleImports } from '@regie/eventsourcing/application';
import { CustomerErasure } from './customer-erasure';
import { ErasureFollower } from './erasure-follower';
import { ErasureStatus } from './erasure-status';
import { ErasureStreams } from './erasure-streams';
import { ErasuresHttpController } from './erasures.http.controller';
import { JourneyRetention, RETENTION_TICK_MS } from './journey-retention';
import { lastContactsProvider } from './retention/last-contacts.provider';

/**
 * The desk's part: `DELETE /v1/customers/:id` records the request, `GET /v1/erasures/:id` tells how far it is,
 * and its read models forget whom an erasure names. Needs the store, the clock and the customer data holders.
 */
@Module({})
export class PrivacyDeskModule {
  static forRoot(imports: ModuleImports): DynamicModule {
    return {
      module: PrivacyDeskModule,
      imports: [...imports],
      providers: [ErasureStreams, ErasureStatus, ErasureFollower],
      controllers: [ErasuresHttpController],
    };
  }
}

/**
 * The orchestrator's part, while it leads: carries out recorded erasures, and requests them when
 * the journey retention passes. Needs the store, the safety records, the customer data holders,
 * the concept, leadership and the clock.
 */
@Module({})
export class PrivacyProcessingModule {
  static forRoot(imports: ModuleImports, settings: { readonly tickMs: number }): DynamicModule {
    return {
      module: PrivacyProcessingModule,
      imports: [...imports],
      providers: [
        ErasureStreams,
        CustomerErasure,
        JourneyRetention,
        lastContactsProvider,
        { provide: RETENTION_TICK_MS, useValue: settings.tickMs },
      ],
    };
  }
}
