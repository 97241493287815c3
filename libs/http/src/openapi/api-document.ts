import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PROBLEM_SCHEMA, PROBLEM_SCHEMA_NAME } from './problem.schema';

/** OpenAPI extensions naming who may call an operation; set by @Roles and @Public (libs/auth). */
export const ROLES_EXTENSION = 'x-regie-roles';
export const PUBLIC_EXTENSION = 'x-regie-public';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

type Operation = OperationObject & { [ROLES_EXTENSION]?: readonly string[]; [PUBLIC_EXTENSION]?: boolean };

/** Every request may name itself (X-Request-Id, libs/http request-id.ts); every answer carries the id it was logged under. */
const REQUEST_ID_PARAMETER = {
  name: 'X-Request-Id',
  in: 'header',
  required: false,
  description: 'An id of your own for this request (1–128 of A–Z a–z 0–9 . _ : + = / -); one is made when absent or unusable',
  schema: { type: 'string', maxLength: 128 },
} as const;
const REQUEST_ID_RESPONSE_HEADER = { description: 'The id this request was logged under', schema: { type: 'string' } } as const;

const withRequestId = (operation: Operation): Operation => {
  const responses: OperationObject['responses'] = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    responses[status] =
      !response || '$ref' in response
        ? response
        : { ...response, headers: { ...response.headers, 'X-Request-Id': REQUEST_ID_RESPONSE_HEADER } };
  }
  return { ...operation, parameters: [...(operation.parameters ?? []), REQUEST_ID_PARAMETER], responses };
};

/** Who may call it, also in words: not every reader of the document shows extensions. */
const withAccess = (operation: Operation): Operation => {
  const roles = operation[ROLES_EXTENSION];
  const access = roles
    ? `Needs a bearer token with one of the roles: ${roles.join(', ')}.`
    : operation[PUBLIC_EXTENSION]
      ? 'Public: no token needed.'
      : undefined;
  if (!access) return operation;
  return { ...operation, description: operation.description ? `${operation.description}\n\n${access}` : access };
};

const describeAccess = (paths: OpenAPIObject['paths']): OpenAPIObject['paths'] =>
  Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item).map(([key, value]) => [
          key,
          (METHODS as readonly string[]).includes(key) ? withRequestId(withAccess(value as Operation)) : value,
        ]),
      ),
    ]),
  );

export interface ApiDocumentInfo {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
}

/**
 * The OpenAPI 3 document of the routes this app serves: Swagger's explorer walks the app's own modules,
 * so the gateway, the desk and the embedded app each describe what they run.
 */
export const buildApiDocument = (app: INestApplication, info: ApiDocumentInfo): OpenAPIObject => {
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setVersion(info.version)
    .setDescription(info.description ?? '')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'A JWT whose roles claim holds the roles a route names',
    })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  return {
    ...document,
    paths: describeAccess(document.paths),
    components: { ...document.components, schemas: { ...document.components?.schemas, [PROBLEM_SCHEMA_NAME]: PROBLEM_SCHEMA } },
  };
};
