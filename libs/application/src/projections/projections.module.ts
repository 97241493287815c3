import { Module } from '@nestjs/common';
import { ProjectionsHttpController } from './projections.http.controller';
import { ProjectionsRunner } from './projections.runner';

/** The desk's durable read models. */
@Module({ providers: [ProjectionsRunner], controllers: [ProjectionsHttpController] })
export class ProjectionsModule {}
