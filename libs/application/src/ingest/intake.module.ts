import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { InteractionRecorder } from './interaction-recorder';

/** The orchestrator's part: consume interactions and record them. */
@Module({ imports: [CqrsModule], providers: [InteractionRecorder] })
export class IntakeModule {}
