import { Injectable, type INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildApiDocument, ProblemException } from '@regie/http';

/** The API version the document describes: the paths' `/v1`. */
export const API_VERSION = '1';

/** The app's OpenAPI document, built once the app's modules are known (publishApiDocs). */
@Injectable()
export class ApiDocs {
  private built?: OpenAPIObject;

  publish(document: OpenAPIObject): void {
    this.built = document;
  }

  document(): OpenAPIObject {
    if (!this.built) throw ProblemException.notFound('this app has not published its API description');
    return this.built;
  }
}

/** Builds the document from the app's controllers and DTOs and serves it at /openapi.json and /docs. Call before listen. */
export const publishApiDocs = (app: INestApplication, description?: string): OpenAPIObject => {
  const document = buildApiDocument(app, { title: 'Regie', version: API_VERSION, ...(description && { description }) });
  app.get(ApiDocs).publish(document);
  return document;
};
