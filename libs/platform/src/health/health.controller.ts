import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '@regie/http';
import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '@regie/auth';
import { EVENT_STORE, type EventStore } from '@regie/event-store';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @Public()
  // Its own Swagger answer would say application/json for the 503, which leaves as problem+json: @ApiRoute says it.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiRoute({
    summary: 'Whether this process and its event store answer',
    response: { schema: { type: 'object', required: ['status'], properties: { status: { type: 'string' } }, additionalProperties: true } },
    problems: [503],
  })
  check() {
    return this.health.check([
      async () => {
        const indicator = this.indicators.check('eventStore');
        try {
          return indicator.up({ position: await this.store.headPosition() });
        } catch (error) {
          return indicator.down({ error: (error as Error).message });
        }
      },
    ]);
  }
}
