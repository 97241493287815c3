import { Controller, Get, Res } from '@nestjs/common';
import { Public } from '@regie/auth';
import { ApiRoute } from '@regie/http';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RegieMetrics } from './regie-metrics';

/** Prometheus scrapes this app's registry; open like /health (shared/DESIGN.md §3.3). */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: RegieMetrics) {}

  @Get()
  @Public()
  @ApiRoute({
    summary: "This process's metrics in the Prometheus text format (names prefixed regie_)",
    response: { content: { 'text/plain; version=0.0.4': { schema: { type: 'string' } } } },
  })
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    response.type(this.metrics.contentType);
    return this.metrics.metrics();
  }
}
