import { applyDecorators, HttpStatus, type Type } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { BODY_PROBLEMS, ProblemResponses, type ProblemStatus } from './problem-responses.decorator';

type Schema = SchemaObject | Type<unknown>;

export interface RouteDoc {
  readonly summary: string;
  readonly description?: string;
  /** The success answer. Its status must be the one the route answers (@HttpCode), 200 when not given. */
  readonly response?: {
    readonly status?: number;
    readonly description?: string;
    readonly schema?: Schema;
    /** Media types and their schemas when not plain JSON (server-sent events, CSV, HTML). */
    readonly content?: Readonly<Record<string, { readonly schema: SchemaObject }>>;
  };
  /** A JSON body the route reads without a DTO class (`@Body() body: unknown`, `@JsonBody()`): its schema. */
  readonly body?: Schema;
  /** Whether the route takes a JSON body (a DTO body is found from the handler's signature): adds 400/413/415. */
  readonly takesBody?: boolean;
  /** Problems this route answers beyond those of its roles (401/403/429) and of its body. */
  readonly problems?: readonly ProblemStatus[];
}

const schemaOption = (schema: Schema): { schema: SchemaObject } | { type: Type<unknown> } =>
  typeof schema === 'function' ? { type: schema } : { schema };

/**
 * One decorator per route for the OpenAPI document: summary, success answer and problem+json answers.
 * Roles (and with them 401/403) come from @Roles / @Public. Adds metadata only: nothing changes at run time.
 */
export const ApiRoute = (doc: RouteDoc): MethodDecorator => {
  const { response = {}, body, problems = [] } = doc;
  const status = response.status ?? HttpStatus.OK;
  const takesBody = doc.takesBody ?? body !== undefined;
  return applyDecorators(
    ApiOperation({ summary: doc.summary, ...(doc.description && { description: doc.description }) }),
    ApiResponse({
      status,
      description: response.description ?? HttpStatus[status] ?? 'Success',
      ...(response.content ? { content: { ...response.content } } : response.schema ? schemaOption(response.schema) : {}),
    }),
    ...(body ? [ApiBody({ required: true, ...schemaOption(body) })] : []),
    ProblemResponses(...new Set([...(takesBody ? BODY_PROBLEMS : []), ...problems])),
  );
};
