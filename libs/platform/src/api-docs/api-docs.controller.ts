import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags, type OpenAPIObject } from '@nestjs/swagger';
import { Public } from '@regie/auth';
import { ApiRoute, ProblemException } from '@regie/http';
import type { Response } from 'express';
import { ApiDocs } from './api-docs';
import { DOCS_PAGE, DOCS_SECURITY_HEADERS, loadDocsAssets, type DocsAsset } from './swagger-ui-assets';

/** The HTTP API described (OpenAPI 3) and browsable (Swagger UI). Public like /health: it holds no data. */
@ApiTags('api-docs')
@Controller()
@Public()
export class ApiDocsController {
  private assets?: ReadonlyMap<string, DocsAsset>;

  constructor(private readonly docs: ApiDocs) {}

  @Get('openapi.json')
  @ApiRoute({
    summary: 'This HTTP API as an OpenAPI 3 document, generated from the code',
    response: { schema: { type: 'object', required: ['openapi', 'info', 'paths'], additionalProperties: true } },
  })
  document(): OpenAPIObject {
    return this.docs.document();
  }

  @Get('docs')
  @ApiRoute({
    summary: 'This HTTP API, browsable (Swagger UI)',
    response: { description: 'An HTML page that loads /openapi.json', content: { 'text/html': { schema: { type: 'string' } } } },
  })
  page(@Res() response: Response): void {
    response.set(DOCS_SECURITY_HEADERS).set('Cache-Control', 'no-cache').type('html').send(DOCS_PAGE);
  }

  @Get('docs/assets/:name')
  @ApiExcludeEndpoint()
  asset(@Param('name') name: string, @Res() response: Response): void {
    this.assets ??= loadDocsAssets();
    const asset = this.assets.get(name);
    if (!asset) throw ProblemException.notFound(`the API docs have no file ${name}`);
    response.set(DOCS_SECURITY_HEADERS).set('Cache-Control', 'public, max-age=3600').type(asset.contentType).send(asset.body);
  }
}
