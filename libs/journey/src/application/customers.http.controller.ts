import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '@regie/http';
import { JOURNEY_SCHEMA } from './journey.openapi';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Roles } from '@regie/auth';
import { CUSTOMER_ID_PATTERN } from '@regie/contracts';
import { pageOf, PageQueryDto, ProblemException } from '@regie/http';
import { GetJourneyQuery, type JourneyTimeline, type JourneyView } from './get-journey/get-journey.query';

@ApiTags('journey')
@Controller('v1/customers')
export class CustomersHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** The timeline oldest first, a page at a time (`limit`, `cursor`), like every list (shared/DESIGN.md §3.3). */
  @Get(':id/journey')
  @Roles('agent', 'supervisor')
  @ApiRoute({
    summary: "The customer's timeline across channels, oldest first, a page at a time",
    response: { schema: JOURNEY_SCHEMA },
    problems: [400],
  })
  async journey(@Param('id') customerId: string, @Query() query: PageQueryDto): Promise<JourneyView> {
    if (!CUSTOMER_ID_PATTERN.test(customerId)) {
      throw ProblemException.validation([{ path: 'id', message: 'must be a pseudonymous customer id (letters, digits, ._:@-)' }]);
    }
    const timeline = await this.queries.execute<GetJourneyQuery, JourneyTimeline>(new GetJourneyQuery(customerId));
    const page = pageOf(`journey:${customerId}`, timeline.entries, ({ at, revision }) => [at, revision], query);
    return { customerId, entries: page.items.map(({ entry }) => entry), ...(page.nextCursor && { nextCursor: page.nextCursor }) };
  }
}
