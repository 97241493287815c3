import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_SCHEMA, PROBLEM_SCHEMA_NAME } from './problem.schema';

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
    components: { ...document.components, schemas: { ...document.components?.schemas, [PROBLEM_SCHEMA_NAME]: PROBLEM_SCHEMA } },
  };
};
