import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '@regie/http';
import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { Roles } from '@regie/auth';
import { RegieMetrics } from '@regie/observability';
import type { Response } from 'express';
import { brokenDown, type BrokenDownReport, type ChannelBreakdown, type GapAnalysis } from '../../domain';
import { kpiReportCsv } from './kpi-csv';
import { KpiQueries } from './kpi-queries';
import { GapQueryDto, KpiQueryDto } from './kpi-query.dto';

const wantsCsv = (accept: string | undefined): boolean => accept !== undefined && /(^|,)\s*text\/csv\b/i.test(accept);

/** KPIs against their targets per period, and the gap analysis (DESIGN §7), for supervisors and service managers. */
@ApiTags('measurement')
@Controller('v1')
export class KpisHttpController {
  constructor(
    private readonly queries: KpiQueries,
    private readonly metrics: RegieMetrics,
  ) {}

  /** `Accept: text/csv` gives one row per period × KPI × channel; `byChannel=last` leaves the other periods' channels out of the JSON. */
  @Get('kpis')
  @Roles('supervisor', 'manager')
  @ApiRoute({
    summary: 'KPIs against their targets per period, with status and sample sizes; Accept: text/csv gives CSV',
    response: {
      content: {
        'application/json': { schema: { type: 'object', required: ['from', 'to', 'granularity'], additionalProperties: true } },
        'text/csv': { schema: { type: 'string', description: 'One row per period × KPI × channel' } },
      },
    },
    problems: [400],
  })
  async kpis(
    @Query() query: KpiQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BrokenDownReport | string> {
    const report = await this.metrics.timeKpiQuery('kpis', () => this.queries.kpis(query));
    response.setHeader('Vary', 'Accept');
    if (!wantsCsv(accept)) return brokenDown(report, query.byChannel as ChannelBreakdown | undefined);
    response.type('text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="kpis-${report.from}-${report.to}-${report.granularity}.csv"`);
    return kpiReportCsv(report);
  }

  @Get('gap-analysis')
  @Roles('supervisor', 'manager')
  @ApiRoute({
    summary: 'Declared fit against measured satisfaction, channel × need',
    response: { schema: { type: 'object', additionalProperties: true } },
    problems: [400],
  })
  gapAnalysis(@Query() query: GapQueryDto): Promise<GapAnalysis> {
    return this.metrics.timeKpiQuery('gap-analysis', () => this.queries.gapAnalysis(query));
  }
}
