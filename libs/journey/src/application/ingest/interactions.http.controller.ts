import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '@regie/http';
import { ACCEPTED_SCHEMA, INTERACTIONS_BODY } from '../journey.openapi';
import { Controller, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@regie/auth';
import { JsonBody, ProblemException } from '@regie/http';
import { MESSAGING, type InteractionPublisher } from '@regie/messaging';
import { ConceptInForce } from '@regie/concept';
import { RegieMetrics } from '@regie/observability';
import { validateInSlices } from './in-slices';
import { dropRepeats } from './repeated-interactions';

export interface AcceptedInteractions {
  /** Distinct events accepted (each recorded once, also when it had been recorded before). */
  readonly accepted: number;
  /** Events the batch held more than once, identically; recorded once. Present when there were any. */
  readonly duplicates?: number;
}

const unwrapSingle = (path: string): string => path.replace(/^\[0\]\.?/, '') || '$';

@ApiTags('journey')
@Controller('v1/interactions')
export class InteractionsHttpController {
  constructor(
    @Inject(MESSAGING) private readonly publisher: InteractionPublisher,
    private readonly concept: ConceptInForce,
    private readonly metrics: RegieMetrics,
  ) {}

  /** One CloudEvent, or a JSON array of them; all or nothing. */
  @Post()
  @Roles('channel')
  @ApiRoute({
    summary: 'Ingest interaction events (CloudEvents), one or a batch; idempotent per (source, id)',
    response: { status: 202, schema: ACCEPTED_SCHEMA },
    body: INTERACTIONS_BODY,
  })
  @HttpCode(HttpStatus.ACCEPTED)
  async ingest(@JsonBody() body: unknown, @CurrentPrincipal() principal: Principal): Promise<AcceptedInteractions> {
    const batch = Array.isArray(body) ? body : [body];
    const result = await validateInSlices(batch, this.concept.interactionRules());
    if (!result.ok) {
      this.metrics.interactionsRefused('http', 'invalid', batch.length);
      const issues = Array.isArray(body) ? result.issues : result.issues.map((issue) => ({ ...issue, path: unwrapSingle(issue.path) }));
      throw ProblemException.validation(issues, 'the interaction is not valid; nothing was recorded');
    }
    const { distinct, duplicates, conflicts } = dropRepeats(result.value);
    if (conflicts.length > 0) {
      this.metrics.interactionsRefused('http', 'conflicting-repeat', batch.length);
      throw ProblemException.validation(conflicts, 'the batch is not valid; nothing was recorded');
    }
    // One publish: in embedded mode, one atomic append of the whole batch; a retry is idempotent.
    await this.publisher.publishInteractions(
      distinct.map((interaction) => ({ key: interaction.subject, interaction, actor: principal.sub })),
    );
    this.metrics.interactionsIngested('http', distinct.length);
    return { accepted: distinct.length, ...(duplicates > 0 && { duplicates }) };
  }
}
