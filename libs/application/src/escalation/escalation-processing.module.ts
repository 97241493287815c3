import { Module } from '@nestjs/common';
import { EscalationProcessor } from './escalation.processor';

/** The orchestrator's sagas over recorded events. */
@Module({ providers: [EscalationProcessor] })
export class EscalationProcessingModule {}
