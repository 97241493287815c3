import { randomUUID } from 'node:crypto';
import { Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '@regie/auth';
import { CUSTOMER_ID_PATTERN } from '@regie/contracts';
import { CLOCK, type Clock } from '@regie/eventsourcing';
import { ApiRoute, ProblemException } from '@regie/http';
import { ErasureStatus, type ErasureView } from './erasure-status';
import { ErasureStreams } from './erasure-streams';
import { ERASURE_SCHEMA } from './erasures.openapi';

const ERASURE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Erasure on request (GDPR art. 17). The answer is 202 whether or not Regie knows the customer:
 * the outcome is the same (nothing of them is left), and the answer does not tell who is known.
 */
@ApiTags('privacy')
@Controller('v1')
export class ErasuresHttpController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly erasures: ErasureStreams,
    private readonly status: ErasureStatus,
  ) {}

  @Delete('customers/:id')
  @Roles('supervisor')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiRoute({
    summary: "Erase a customer on request (GDPR art. 17): journey, cases, safety records and every read model's rows",
    description: 'Answers at once; the erasure finishes in the background, also across a restart. Location names the erasure to follow.',
    response: { status: HttpStatus.ACCEPTED, schema: ERASURE_SCHEMA },
    problems: [400],
  })
  async erase(
    @Param('id') customerId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ErasureView> {
    if (!CUSTOMER_ID_PATTERN.test(customerId)) {
      throw ProblemException.validation([{ path: 'id', message: 'must be a pseudonymous customer id (letters, digits, ._:@-)' }]);
    }
    const erasureId = randomUUID();
    const now = this.clock.now().toISOString();
    await this.erasures.handle(
      erasureId,
      { type: 'RequestErasure', data: { erasureId, customerId, reason: 'request', actor: principal.sub, now } },
      { causationId: erasureId, correlationId: erasureId, actor: principal.sub },
    );
    response.setHeader('Location', `/v1/erasures/${erasureId}`);
    return { id: erasureId, status: 'pending', reason: 'request', requestedAt: now };
  }

  @Get('erasures/:id')
  @Roles('supervisor')
  @ApiRoute({
    summary: 'How an erasure stands: pending, or completed and when',
    response: { schema: ERASURE_SCHEMA },
    problems: [400, 404],
  })
  async get(@Param('id') erasureId: string): Promise<ErasureView> {
    if (!ERASURE_ID.test(erasureId)) throw ProblemException.validation([{ path: 'id', message: 'must be an erasure id (a UUID)' }]);
    const view = await this.status.of(erasureId);
    if (!view) throw ProblemException.notFound(`there is no erasure ${erasureId}`);
    return view;
  }
}
