import { Module } from '@nestjs/common';
import { ApiDocs } from './api-docs';
import { ApiDocsController } from './api-docs.controller';

/** `/openapi.json` and `/docs` for every role that serves HTTP; each describes its own routes. */
@Module({ controllers: [ApiDocsController], providers: [ApiDocs] })
export class ApiDocsModule {}
