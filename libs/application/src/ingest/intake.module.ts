import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RecordInteractionsHandler } from '../journey/record-interactions/record-interactions.handler';
import { InteractionRecorder } from './interaction-recorder';

/** The orchestrator's part: consume interactions and record them. */
@Module({ imports: [CqrsModule], providers: [RecordInteractionsHandler, InteractionRecorder] })
export class IntakeModule {}
