import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { ModuleImports } from '@regie/eventsourcing/application';
import { AggressionReportsHttpController } from './aggression-reports.http.controller';
import { EXCLUSIONS } from './exclusions.port';
import { ExclusionsHttpController } from './exclusions.http.controller';
import { HandleSafetyHandler } from './handle-safety/handle-safety.handler';
import { SafetyBoard } from './safety-board';
import { SafetyCustomersHttpController } from './safety-customers.http.controller';
import { SafetyStreams } from './safety-streams';
import { StoreExclusions } from './store-exclusions';
import { SafetyErasure } from './erasure/safety-erasure';
import { SAFETY_TICK_MS, SafetyTimekeeper } from './timekeeper';

/** The safety record every case-handling role reads: exclusions, as routing must respect them. Needs the store. */
@Module({})
export class SafetyRecordsModule {
  static forRoot(store: ModuleImports): DynamicModule {
    return {
      module: SafetyRecordsModule,
      imports: [...store],
      providers: [SafetyBoard, SafetyStreams, StoreExclusions, { provide: EXCLUSIONS, useExisting: StoreExclusions }],
      exports: [SafetyBoard, SafetyStreams, StoreExclusions, EXCLUSIONS],
    };
  }
}

/** The desk's part: reports, decisions, exclusions, eligibility. Needs the store, the safety records and the concept. */
@Module({})
export class SafetyDeskModule {
  static forRoot(imports: ModuleImports): DynamicModule {
    return {
      module: SafetyDeskModule,
      imports: [CqrsModule, ...imports],
      providers: [HandleSafetyHandler],
      controllers: [AggressionReportsHttpController, ExclusionsHttpController, SafetyCustomersHttpController],
    };
  }
}

/** The orchestrator's part: ends and erasure happen on time. Needs the store, the safety records, the concept and leadership. */
@Module({})
export class SafetyTimekeepingModule {
  static forRoot(imports: ModuleImports, settings: { readonly tickMs: number }): DynamicModule {
    return {
      module: SafetyTimekeepingModule,
      imports: [...imports],
      providers: [SafetyTimekeeper, SafetyErasure, { provide: SAFETY_TICK_MS, useValue: settings.tickMs }],
    };
  }
}
