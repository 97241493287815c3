import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ConceptHttpController } from './concept.http.controller';
import { ReviseConceptHandler } from './revise-concept/revise-concept.handler';

/** The desk's part for supervisors: read and revise the service concept. */
@Module({ imports: [CqrsModule], providers: [ReviseConceptHandler], controllers: [ConceptHttpController] })
export class ConceptDeskModule {}
