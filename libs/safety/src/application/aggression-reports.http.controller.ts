import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '@regie/http';
import { DECIDED_SCHEMA, REPORT_CREATED_SCHEMA, REPORT_SCHEMA } from './safety.openapi';
import { CLOCK, type Clock } from '@regie/eventsourcing';
import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Roles, type Principal } from '@regie/auth';
import type { SafetyCommand } from '../domain/safety.commands';
import { pageOf, pageSchema, ProblemException, type Page } from '@regie/http';
import { HandleSafetyCommand } from './handle-safety/handle-safety.command';
import { SafetyBoard, type ReportView } from './safety-board';
import { ReasonRequestDto, ReportAggressionRequestDto, ReportsQueryDto } from './safety.request.dtos';

const actorOf = (principal: Principal) => ({ id: principal.sub, roles: principal.roles });

/** Agents report aggression; supervisors work the inbox (shared/DESIGN.md §6). */
@ApiTags('safety')
@Controller('v1/aggression-reports')
export class AggressionReportsHttpController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly board: SafetyBoard,
    private readonly commands: CommandBus,
  ) {}

  @Post()
  @Roles('agent')
  @ApiRoute({
    summary: 'Report aggression from a contact',
    response: { status: 201, schema: REPORT_CREATED_SCHEMA },
    takesBody: true,
    problems: [422],
  })
  async report(@Body() body: ReportAggressionRequestDto, @CurrentPrincipal() principal: Principal) {
    const reportId = `rep-${randomUUID()}`;
    const command: SafetyCommand = {
      type: 'ReportAggression',
      data: {
        reportId,
        customerId: body.customerId,
        contactId: body.contactId,
        channel: body.channel ?? 'video',
        category: body.category,
        description: body.description,
        actor: actorOf(principal),
        now: this.clock.now().toISOString(),
      },
    };
    await this.commands.execute(new HandleSafetyCommand(body.customerId, command, principal.sub));
    return { id: reportId, status: 'open', customerId: body.customerId, contactId: body.contactId, category: body.category };
  }

  @Get()
  @Roles('supervisor')
  @ApiRoute({ summary: 'The aggression-report inbox, a page at a time', response: { schema: pageSchema(REPORT_SCHEMA) }, problems: [400] })
  async list(@Query() query: ReportsQueryDto): Promise<Page<ReportView>> {
    await this.board.catchUp();
    const { status, customerId } = query;
    return pageOf('aggression-reports', this.board.reports({ status, customerId }), (report) => [report.reportedAt, report.id], query);
  }

  @Post(':id/dismiss')
  @Roles('supervisor')
  @ApiRoute({ summary: 'Dismiss an open report', response: { schema: DECIDED_SCHEMA }, takesBody: true, problems: [404, 409, 422] })
  @HttpCode(HttpStatus.OK)
  dismiss(@Param('id') id: string, @Body() body: ReasonRequestDto, @CurrentPrincipal() principal: Principal) {
    return this.decide(
      id,
      principal,
      (now) => ({ type: 'DismissReport', data: { reportId: id, reason: body.reason, actor: actorOf(principal), now } }),
      'dismissed',
    );
  }

  @Post(':id/warn')
  @Roles('supervisor')
  @ApiRoute({
    summary: 'Warn the customer of an open report',
    response: { schema: DECIDED_SCHEMA },
    takesBody: true,
    problems: [404, 409, 422],
  })
  @HttpCode(HttpStatus.OK)
  warn(@Param('id') id: string, @Body() body: ReasonRequestDto, @CurrentPrincipal() principal: Principal) {
    return this.decide(
      id,
      principal,
      (now) => ({ type: 'IssueWarning', data: { reportId: id, reason: body.reason, actor: actorOf(principal), now } }),
      'warned',
    );
  }

  private async decide(reportId: string, principal: Principal, command: (now: string) => SafetyCommand, status: string) {
    await this.board.catchUp();
    const customerId = this.board.customerOfReport(reportId);
    if (!customerId) throw ProblemException.notFound(`there is no report ${reportId}`);
    await this.commands.execute(new HandleSafetyCommand(customerId, command(this.clock.now().toISOString()), principal.sub));
    return { id: reportId, status };
  }
}
