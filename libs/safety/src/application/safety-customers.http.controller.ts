import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '@regie/http';
import { ELIGIBILITY_SCHEMA, SAFETY_HISTORY_SCHEMA } from './safety.openapi';
import { CLOCK, type Clock } from '@regie/eventsourcing';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { Roles } from '@regie/auth';
import { eligibility } from '../domain/safety.queries';
import { safetyStream } from '../domain/safety.events';
import { EVENT_STORE, type EventStore } from '@regie/event-store';
import { ConceptInForce } from '@regie/concept';
import { ProblemException } from '@regie/http';
import { EligibilityQueryDto } from './safety.request.dtos';
import { StoreExclusions } from './store-exclusions';

export type EligibilityResponse =
  | { readonly channel: string; readonly allowed: true }
  | {
      readonly channel: string;
      readonly allowed: false;
      readonly reason: string;
      readonly alternatives: readonly string[];
      readonly endsAt: string;
    };

/** Per customer: may they use a channel now; and, for auditors, the full safety history. */
@ApiTags('safety')
@Controller('v1/customers/:id')
export class SafetyCustomersHttpController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly exclusions: StoreExclusions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly concept: ConceptInForce,
  ) {}

  @Get('eligibility')
  @Roles('channel', 'agent', 'supervisor')
  @ApiRoute({
    summary: 'May the customer use a channel now; if not, why, until when and what instead',
    response: { schema: ELIGIBILITY_SCHEMA },
    problems: [400],
  })
  async eligibility(@Param('id') customerId: string, @Query() query: EligibilityQueryDto): Promise<EligibilityResponse> {
    const known = this.concept.channelIds();
    if (!known.has(query.channel)) {
      const message = `"${query.channel}" is not a channel of the service concept (known: ${[...known].join(', ')})`;
      throw ProblemException.validation([{ path: 'channel', message }]);
    }
    const answer = eligibility(await this.exclusions.stateOf(customerId), query.channel, this.clock.now().toISOString());
    if (answer.allowed) return { channel: query.channel, allowed: true };
    return { channel: query.channel, allowed: false, reason: answer.reason, alternatives: answer.alternatives, endsAt: answer.endsAt };
  }

  /** The audit trail is the stream: every step with its actor and time. */
  @Get('safety-history')
  @Roles('auditor', 'supervisor')
  @ApiRoute({ summary: "The customer's safety history: every step with its actor and time", response: { schema: SAFETY_HISTORY_SCHEMA } })
  async history(@Param('id') customerId: string) {
    const events = await this.store.readStream(safetyStream(customerId));
    return {
      customerId,
      items: events.map((event) => ({ type: event.type, recordedAt: event.recordedAt, actor: event.metadata.actor, data: event.data })),
    };
  }
}
