import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CustomersHttpController } from './customers.http.controller';
import { GetJourneyHandler } from './get-journey/get-journey.handler';

const queryHandlers = [GetJourneyHandler];
const controllers = [CustomersHttpController];

/** The desk's part for journeys: agents and supervisors read a customer's timeline. */
@Module({
  imports: [CqrsModule],
  providers: queryHandlers,
  controllers,
})
export class JourneyModule {}
