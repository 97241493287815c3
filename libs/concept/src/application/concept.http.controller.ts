import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { ApiRoute, INTEGER, objectSchema, STRING } from '@regie/http';
import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Roles, type Principal } from '@regie/auth';
import type { ServiceConcept } from '../domain/service-concept';
import { ProblemException } from '@regie/http';
import type { Response } from 'express';
import { ConceptInForce } from './concept-in-force';
import { parseIfMatch } from './if-match';
import { ReviseConceptCommand } from './revise-concept/revise-concept.command';
import type { ConceptRevision } from './revise-concept/revise-concept.handler';

const REVISION_SCHEMA = objectSchema({ name: STRING, revision: INTEGER, changed: { type: 'boolean' } }, ['name', 'revision', 'changed']);

const etagOf = (revision: number) => `"${revision}"`;

const revisionsFrom = (ifMatch: string | undefined): readonly number[] | undefined => {
  if (ifMatch === undefined) return undefined;
  const parsed = parseIfMatch(ifMatch);
  if ('invalid' in parsed) throw ProblemException.validation([{ path: 'If-Match', message: parsed.invalid }]);
  return 'any' in parsed ? undefined : parsed.revisions;
};

/** The concept in force (its revision as ETag), and revisions by supervisors. */
@ApiTags('concept')
@Controller('v1/service-concept')
export class ConceptHttpController {
  constructor(
    private readonly inForce: ConceptInForce,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @Roles('supervisor', 'manager')
  @ApiRoute({
    summary: 'The service concept in force; its revision is the ETag',
    response: { schema: { type: 'object', additionalProperties: true, description: 'The concept (config/ holds an example)' } },
  })
  get(@Res({ passthrough: true }) response: Response): ServiceConcept {
    response.setHeader('ETag', etagOf(this.inForce.revision()));
    return this.inForce.current();
  }

  /** Replaces the concept; with `If-Match` (an ETag, or `*` for any), only if nobody revised it since that revision. */
  @Put()
  @Roles('supervisor')
  @ApiRoute({
    summary: 'Revise the concept; with If-Match only if nobody revised it since that revision',
    response: { schema: REVISION_SCHEMA },
    body: { type: 'object', additionalProperties: true, description: 'A whole service concept, as GET answers it' },
    problems: [409, 412],
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'An ETag of GET, or * for any revision' })
  @HttpCode(HttpStatus.OK)
  async revise(
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ConceptRevision> {
    const revision: ConceptRevision = await this.commands.execute(new ReviseConceptCommand(body, principal.sub, revisionsFrom(ifMatch)));
    response.setHeader('ETag', etagOf(revision.revision));
    return revision;
  }
}
