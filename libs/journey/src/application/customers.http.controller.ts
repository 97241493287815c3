import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Roles } from '@regie/auth';
import { CUSTOMER_ID_PATTERN } from '@regie/contracts';
import { pageOf, PageQueryDto, ProblemException } from '@regie/http';
import { GetJourneyQuery, type JourneyTimeline, type JourneyView } from './get-journey/get-journey.query';

@Controller('v1/customers')
export class CustomersHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** The timeline oldest first, a page at a time (`limit`, `cursor`), like every list (shared/DESIGN.md §3.3). */
  @Get(':id/journey')
  @Roles('agent', 'supervisor')
  async journey(@Param('id') customerId: string, @Query() query: PageQueryDto): Promise<JourneyView> {
    if (!CUSTOMER_ID_PATTERN.test(customerId)) {
      throw ProblemException.validation([{ path: 'id', message: 'must be a pseudonymous customer id (letters, digits, ._:@-)' }]);
    }
    const timeline = await this.queries.execute<GetJourneyQuery, JourneyTimeline>(new GetJourneyQuery(customerId));
    const page = pageOf(`journey:${customerId}`, timeline.entries, ({ at, revision }) => [at, revision], query);
    return { customerId, entries: page.items.map(({ entry }) => entry), ...(page.nextCursor && { nextCursor: page.nextCursor }) };
  }
}
