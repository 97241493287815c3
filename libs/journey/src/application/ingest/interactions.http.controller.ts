import { Body, Controller, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@regie/auth';
import { validateInteractionBatch } from '@regie/contracts';
import { ProblemException } from '@regie/http';
import { MESSAGING, type InteractionPublisher } from '@regie/messaging';
import { ConceptInForce } from '@regie/concept';

export interface AcceptedInteractions {
  readonly accepted: number;
}

@Controller('v1/interactions')
export class InteractionsHttpController {
  constructor(
    @Inject(MESSAGING) private readonly publisher: InteractionPublisher,
    private readonly concept: ConceptInForce,
  ) {}

  /** One CloudEvent, or a JSON array of them; all or nothing. */
  @Post()
  @Roles('channel')
  @HttpCode(HttpStatus.ACCEPTED)
  async ingest(@Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<AcceptedInteractions> {
    const batch = Array.isArray(body) ? body : [body];
    const result = validateInteractionBatch(batch, this.concept.interactionRules());
    if (!result.ok) {
      const issues = Array.isArray(body)
        ? result.issues
        : result.issues.map((issue) => ({ ...issue, path: issue.path.replace(/^\[0\]\.?/, '') || '$' }));
      throw ProblemException.validation(issues, 'the interaction is not valid; nothing was recorded');
    }
    await this.publisher.publishInteractions(
      result.value.map((interaction) => ({ key: interaction.subject, interaction, actor: principal.sub })),
    );
    return { accepted: result.value.length };
  }
}
