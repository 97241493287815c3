import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CustomersHttpController } from './customers.http.controller';
import { GetJourneyHandler } from './get-journey/get-journey.handler';
import { RecordInteractionsHandler } from './record-interactions/record-interactions.handler';

const commandHandlers = [RecordInteractionsHandler];
const queryHandlers = [GetJourneyHandler];
const controllers = [CustomersHttpController];

@Module({
  imports: [CqrsModule],
  providers: [...commandHandlers, ...queryHandlers],
  controllers,
})
export class JourneyModule {}
