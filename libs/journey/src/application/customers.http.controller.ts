import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Roles } from '@regie/auth';
import { CUSTOMER_ID_PATTERN } from '@regie/contracts';
import { ProblemException } from '@regie/http';
import { GetJourneyQuery, type JourneyView } from './get-journey/get-journey.query';

@Controller('v1/customers')
export class CustomersHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/journey')
  @Roles('agent', 'supervisor')
  async journey(@Param('id') customerId: string): Promise<JourneyView> {
    if (!CUSTOMER_ID_PATTERN.test(customerId)) {
      throw ProblemException.validation([{ path: 'id', message: 'must be a pseudonymous customer id (letters, digits, ._:@-)' }]);
    }
    return this.queries.execute<GetJourneyQuery, JourneyView>(new GetJourneyQuery(customerId));
  }
}
