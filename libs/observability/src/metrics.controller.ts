import { Controller, Get, Res } from '@nestjs/common';
import { Public } from '@regie/auth';
import type { Response } from 'express';
import { RegieMetrics } from './regie-metrics';

/** Prometheus scrapes this app's registry; open like /health (shared/DESIGN.md §3.3). */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: RegieMetrics) {}

  @Get()
  @Public()
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    response.type(this.metrics.contentType);
    return this.metrics.metrics();
  }
}
