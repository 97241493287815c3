import { ApiTags } from '@nestjs/swagger';
import { ApiRoute, ProblemException } from '@regie/http';
import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { Readiness } from '@regie/eventsourcing/application';
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
    @Optional() private readonly readiness?: Readiness,
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

  /**
   * Ready once every read model this process answers from has caught up with the store since it started
   * (a restart replays or resumes them): where a load balancer or Kubernetes' readinessProbe looks.
   */
  @Get('ready')
  @Public()
  @ApiRoute({
    summary: 'Whether every read model of this process has caught up with the store since it started',
    response: {
      schema: {
        type: 'object',
        required: ['status', 'readModels'],
        properties: {
          status: { type: 'string', enum: ['ready'] },
          readModels: { type: 'object', additionalProperties: { type: 'integer' } },
        },
      },
    },
    problems: [503],
  })
  ready(): { status: 'ready'; readModels: Readonly<Record<string, number>> } {
    const status = this.readiness?.status() ?? { ready: true, catchingUp: [], positions: {} };
    if (!status.ready) {
      throw new ProblemException({
        type: 'urn:regie:problem:catching-up',
        title: 'Service Unavailable',
        status: 503,
        detail: `catching up with the store: ${status.catchingUp.join(', ')}`,
      });
    }
    return { status: 'ready', readModels: status.positions };
  }
}
