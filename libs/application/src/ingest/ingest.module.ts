import { Module } from '@nestjs/common';
import { InteractionsHttpController } from './interactions.http.controller';

/** The gateway's part: validate interactions and hand them to the messaging port. */
@Module({ controllers: [InteractionsHttpController] })
export class IngestModule {}
