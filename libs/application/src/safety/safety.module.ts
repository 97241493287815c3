import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EXCLUSIONS } from '../escalation/exclusions.port';
import { AggressionReportsHttpController } from './aggression-reports.http.controller';
import { ExclusionsHttpController } from './exclusions.http.controller';
import { HandleSafetyHandler } from './handle-safety/handle-safety.handler';
import { SafetyBoard } from './safety-board';
import { SafetyCustomersHttpController } from './safety-customers.http.controller';
import { StoreExclusions } from './store-exclusions';
import { SafetyTimekeeper } from './timekeeper';

/** The safety record every role reads: exclusions as routing must respect them. */
@Global()
@Module({
  providers: [SafetyBoard, StoreExclusions, { provide: EXCLUSIONS, useExisting: StoreExclusions }],
  exports: [SafetyBoard, StoreExclusions, EXCLUSIONS],
})
export class SafetyRecordsModule {}

/** The desk's part: reports, decisions, exclusions, eligibility. */
@Module({
  imports: [CqrsModule],
  providers: [HandleSafetyHandler],
  controllers: [AggressionReportsHttpController, ExclusionsHttpController, SafetyCustomersHttpController],
})
export class SafetyDeskModule {}

/** The orchestrator's part: ends and erasure happen on time. */
@Module({ providers: [SafetyTimekeeper] })
export class SafetyTimekeepingModule {}
