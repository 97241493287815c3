import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { MAX_LISTED_ERRORS, PROBLEM_CONTENT_TYPE } from '../problem';

export const PROBLEM_SCHEMA_NAME = 'Problem';

/** RFC 9457 problem details as Regie writes them (problem.ts, problem.filter.ts): one schema, referenced by every error answer. */
export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', description: 'What kind of problem, as a URN', example: 'urn:regie:problem:validation' },
    title: { type: 'string', example: 'Invalid request' },
    status: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
    detail: { type: 'string', description: 'What was wrong, in words a client can act on' },
    instance: { type: 'string', description: 'The path and query of the request' },
    errors: {
      type: 'array',
      maxItems: MAX_LISTED_ERRORS,
      description: `Each field that was wrong (validation): at most ${MAX_LISTED_ERRORS}, \`totalErrors\` counts them all`,
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string', example: 'data.channel' }, message: { type: 'string' } },
      },
    },
    totalErrors: { type: 'integer', minimum: 0 },
    requestId: { type: 'string', description: 'The id this request was logged under (also the X-Request-Id header)' },
    rule: { type: 'string', description: 'The rule that refused the request (403/409/422 of a domain rule)' },
  },
  additionalProperties: true,
};

export const PROBLEM_REF = { $ref: `#/components/schemas/${PROBLEM_SCHEMA_NAME}` } as const;

export const problemContent = { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_REF } };
