import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '@regie/http';
import { DECIDED_SCHEMA, EXCLUSION_CREATED_SCHEMA, EXCLUSION_SCHEMA } from './safety.openapi';
import { CLOCK, type Clock } from '@regie/eventsourcing';
import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Roles, type Principal } from '@regie/auth';
import type { Exclusion } from '../domain/safety.state';
import type { SafetyCommand } from '../domain/safety.commands';
import { pageOf, pageSchema, ProblemException, type Page } from '@regie/http';
import { ConceptInForce } from '@regie/concept';
import { HandleSafetyCommand } from './handle-safety/handle-safety.command';
import { SafetyBoard } from './safety-board';
import { ExclusionsQueryDto, ReasonRequestDto, RegisterExclusionRequestDto } from './safety.request.dtos';

const actorOf = (principal: Principal) => ({ id: principal.sub, roles: principal.roles });

/** An exclusion as the API shows it: one `id`, like every resource (shared/DESIGN.md §3.3). */
export type ExclusionView = Omit<Exclusion, 'exclusionId'> & { readonly id: string; readonly inForce: boolean };

/** Supervisors register and lift exclusions; auditors read them (shared/DESIGN.md §6). */
@ApiTags('safety')
@Controller('v1/exclusions')
export class ExclusionsHttpController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly board: SafetyBoard,
    private readonly concept: ConceptInForce,
    private readonly commands: CommandBus,
  ) {}

  @Post()
  @Roles('supervisor')
  @ApiRoute({
    summary: 'Exclude a customer from channels for a time, on open reports (four eyes: not the reporter)',
    response: { status: 201, schema: EXCLUSION_CREATED_SCHEMA },
    takesBody: true,
    problems: [409, 422],
  })
  async register(@Body() body: RegisterExclusionRequestDto, @CurrentPrincipal() principal: Principal) {
    const known = this.concept.channelIds();
    const unknown = [
      ...(body.channels ?? []).map((channel, index) => ['channels', channel, index] as const),
      ...body.alternatives.map((channel, index) => ['alternatives', channel, index] as const),
    ]
      .filter(([, channel]) => !known.has(channel))
      .map(([field, channel, index]) => ({ path: `${field}[${index}]`, message: `"${channel}" is not a channel of the service concept` }));
    if (unknown.length > 0) throw ProblemException.validation(unknown);
    const { safety } = this.concept.current();
    const exclusionId = `exc-${randomUUID()}`;
    const command: SafetyCommand = {
      type: 'RegisterExclusion',
      data: {
        exclusionId,
        customerId: body.customerId,
        ...(body.channels && { channels: body.channels }),
        endsAt: body.endsAt,
        reason: body.reason,
        reportIds: body.reportIds,
        alternatives: body.alternatives,
        actor: actorOf(principal),
        now: this.clock.now().toISOString(),
        maxExclusionDays: safety.maxExclusionDays,
        defaultChannels: safety.defaultChannels,
      },
    };
    const events = await this.commands.execute<HandleSafetyCommand, readonly { type: string; data: unknown }[]>(
      new HandleSafetyCommand(body.customerId, command, principal.sub),
    );
    const registered = events.find((event) => event.type === 'ExclusionRegistered')?.data as { exclusionId?: string } | undefined;
    const { exclusionId: _sameAsId, ...recorded } = registered ?? {};
    return { id: exclusionId, status: 'in-force', ...recorded };
  }

  @Post(':id/lift')
  @Roles('supervisor')
  @ApiRoute({ summary: 'Lift an exclusion in force', response: { schema: DECIDED_SCHEMA }, takesBody: true, problems: [404, 409, 422] })
  @HttpCode(HttpStatus.OK)
  async lift(@Param('id') id: string, @Body() body: ReasonRequestDto, @CurrentPrincipal() principal: Principal) {
    await this.board.catchUp();
    const customerId = this.board.customerOfExclusion(id);
    if (!customerId) throw ProblemException.notFound(`there is no exclusion ${id}`);
    const command: SafetyCommand = {
      type: 'LiftExclusion',
      data: { exclusionId: id, reason: body.reason, actor: actorOf(principal), now: this.clock.now().toISOString() },
    };
    await this.commands.execute(new HandleSafetyCommand(customerId, command, principal.sub));
    return { id, status: 'lifted' };
  }

  @Get()
  @Roles('supervisor', 'auditor')
  @ApiRoute({
    summary: 'Current and past exclusions, a page at a time',
    response: { schema: pageSchema(EXCLUSION_SCHEMA) },
    problems: [400],
  })
  async list(@Query() query: ExclusionsQueryDto): Promise<Page<ExclusionView>> {
    await this.board.catchUp();
    const now = this.clock.now().getTime();
    const views = this.board.exclusions({ customerId: query.customerId }).map(({ exclusionId, ...exclusion }): ExclusionView => ({
      id: exclusionId,
      ...exclusion,
      inForce: exclusion.status === 'in-force' && Date.parse(exclusion.endsAt) > now,
    }));
    return pageOf('exclusions', views, (view) => [view.startsAt, view.id], query);
  }
}
