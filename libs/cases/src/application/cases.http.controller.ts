import { ApiTags } from '@nestjs/swagger';
import { ApiRoute, eventStreamContent, pageSchema } from '@regie/http';
import { CASE_SCHEMA, CLAIMED_SCHEMA, ESCALATED_SCHEMA, RESOLVED_SCHEMA } from './cases.openapi';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Sse, type MessageEvent } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Roles, type Principal } from '@regie/auth';
import { ConceptInForce } from '@regie/concept';
import { pageBounds, pageOf, ProblemException, type Page } from '@regie/http';
import { concat, filter, from, map, type Observable } from 'rxjs';
import { CaseBoard, type CaseView } from './board/case-board';
import { toCaseResponse, type CaseResponse } from './case.response';
import { EscalateCaseRequestDto, ListCasesQueryDto, ResolveCaseRequestDto } from './case.request.dtos';
import { ClaimCaseCommand } from './claim-case/claim-case.command';
import { EscalateCaseCommand } from './escalate-case/escalate-case.command';
import type { EscalatedCase } from './escalate-case/escalate-case.handler';
import { ResolveCaseCommand } from './resolve-case/resolve-case.command';

@ApiTags('cases')
@Controller('v1/cases')
export class CasesHttpController {
  constructor(
    private readonly board: CaseBoard,
    private readonly commands: CommandBus,
    private readonly concept: ConceptInForce,
  ) {}

  @Get()
  @Roles('agent', 'supervisor')
  @ApiRoute({
    summary: 'Queued, assigned and resolved cases, a page at a time',
    response: { schema: pageSchema(CASE_SCHEMA) },
    problems: [400],
  })
  async list(@Query() query: ListCasesQueryDto): Promise<Page<CaseResponse>> {
    const { status, channel, layer } = query;
    const known = this.concept.channelIds();
    if (channel !== undefined && !known.has(channel)) {
      const message = `"${channel}" is not a channel of the service concept (known: ${[...known].join(', ')})`;
      throw ProblemException.validation([{ path: 'channel', message }]);
    }
    // A queue is kept oldest first (then by id), the order of the page: read up to the page, not the whole queue.
    const queued = status === 'queued';
    const items = queued ? this.board.queuedWhere({ channel, layer }) : await this.openAndClosed(query);
    const page = pageOf('cases', items, (view) => [view.openedAt, view.id], query, { sorted: queued });
    return { ...page, items: page.items.map(toCaseResponse) };
  }

  /** Open cases from the board and closed ones from the archive: up to one more than the page, in its order, after its cursor. */
  private async openAndClosed(query: ListCasesQueryDto): Promise<CaseView[]> {
    const { status, channel, layer } = query;
    if (status === 'assigned' || status === 'queued') return this.board.list({ status, channel, layer });
    const open = status === undefined ? this.board.list({ channel, layer }) : [];
    const { limit, after } = pageBounds('cases', query);
    const [openedAt, id] = after ?? [];
    if (after && (after.length !== 2 || typeof openedAt !== 'string' || typeof id !== 'string')) {
      throw ProblemException.validation([{ path: 'cursor', message: 'cursor must be the nextCursor of an earlier page of this list' }]);
    }
    const closed = await this.board.closed({
      ...(status !== undefined && { status }),
      ...(channel !== undefined && { channel }),
      ...(layer !== undefined && { layer }),
      ...(after && { after: [openedAt as string, id as string] as const }),
      limit: limit + 1,
    });
    return [...open, ...closed];
  }

  /** The caller's assignments: the ones held now, then each new one as it happens. */
  @Sse('stream')
  @Roles('agent')
  @ApiRoute({
    summary: 'Server-sent events: the cases assigned to the caller, those held now and then each new one',
    response: { content: eventStreamContent('`case.assigned` events, each `data` a case') },
  })
  stream(@CurrentPrincipal() principal: Principal): Observable<MessageEvent> {
    const held = this.board.list({ status: 'assigned', assignee: principal.sub });
    const live = this.board.changes.pipe(
      filter((change) => change.event.type === 'CaseAssigned' && change.caseView?.assignee === principal.sub),
      map((change) => change.caseView!),
    );
    return concat(from(held), live).pipe(map((view) => ({ type: 'case.assigned', id: view.id, data: toCaseResponse(view) })));
  }

  @Get(':id')
  @Roles('agent', 'supervisor')
  @ApiRoute({ summary: 'One case', response: { schema: CASE_SCHEMA }, problems: [404] })
  async get(@Param('id') id: string): Promise<CaseResponse> {
    const view = await this.board.find(id);
    if (!view) throw ProblemException.notFound(`there is no case ${id}`);
    return toCaseResponse(view);
  }

  @Post(':id/claim')
  @Roles('agent')
  @ApiRoute({ summary: 'Take a queued case', response: { schema: CLAIMED_SCHEMA }, problems: [404, 409, 422] })
  @HttpCode(HttpStatus.OK)
  async claim(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ id: string; status: 'assigned'; assignee: string }> {
    await this.commands.execute(new ClaimCaseCommand(id, principal.sub));
    return { id, status: 'assigned', assignee: principal.sub };
  }

  @Post(':id/escalate')
  @Roles('agent')
  @ApiRoute({
    summary: 'Escalate a case up the pyramid to another channel',
    response: { schema: ESCALATED_SCHEMA },
    takesBody: true,
    problems: [404, 409, 422],
  })
  @HttpCode(HttpStatus.OK)
  escalate(
    @Param('id') id: string,
    @Body() body: EscalateCaseRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EscalatedCase> {
    return this.commands.execute(new EscalateCaseCommand(id, principal.sub, body.toChannel, body.reason));
  }

  @Post(':id/resolve')
  @Roles('agent')
  @ApiRoute({
    summary: 'Resolve a case the caller holds',
    response: { schema: RESOLVED_SCHEMA },
    takesBody: true,
    problems: [404, 409, 422],
  })
  @HttpCode(HttpStatus.OK)
  async resolve(
    @Param('id') id: string,
    @Body() body: ResolveCaseRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ id: string; status: 'resolved'; outcome: string }> {
    await this.commands.execute(new ResolveCaseCommand(id, principal.sub, body.outcome));
    return { id, status: 'resolved', outcome: body.outcome };
  }
}
