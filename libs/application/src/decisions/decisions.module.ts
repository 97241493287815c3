import { Module } from '@nestjs/common';
import { DecisionPublisher } from './decision-publisher';
import { DecisionsHttpController } from './decisions.http.controller';

/** The orchestrator publishes decisions from recorded events. */
@Module({ providers: [DecisionPublisher] })
export class DecisionPublishingModule {}

/** The desk streams them to HTTP clients (SSE). */
@Module({ controllers: [DecisionsHttpController] })
export class DecisionStreamModule {}
