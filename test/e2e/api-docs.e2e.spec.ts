import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { ROLES, ROLES_EXTENSION, PUBLIC_EXTENSION } from '@regie/auth';
import { PROBLEM_CONTENT_TYPE } from '@regie/http';
import Ajv from 'ajv';
import { getMetadataStorage } from 'class-validator';
import addFormats from 'ajv-formats';
import type { OpenAPIV3 } from 'openapi-types';
import request from 'supertest';
import { startRegieApp } from '../../apps/regie/src/start-regie-app';
import { interaction, startHarness, TEST_SECRET, type RegieHarness } from '../support/regie-harness';

/**
 * Routes the app serves that the OpenAPI document leaves out on purpose: HTML pages and their files,
 * not API. A route not here must be documented; a route here must exist (the list cannot go stale).
 */
const UNDOCUMENTED = [
  'GET /',
  'GET /agent',
  'GET /supervisor',
  'GET /manager',
  'GET /desk/assets/{name}',
  'GET /docs/assets/{name}',
].sort();

interface RouterLayer {
  readonly route?: { readonly path: string; readonly methods: Readonly<Record<string, boolean>> };
}

/** Every route registered on the Express router Nest writes to (`router` in Express 5, `_router` in 4), as `METHOD /path/{param}`. */
const registeredRoutes = (app: INestApplication): string[] => {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: RouterLayer[] }; _router?: { stack: RouterLayer[] } };
  return (express.router ?? express._router)!.stack.flatMap(({ route }) =>
    route
      ? Object.keys(route.methods)
          .filter((method) => method !== '_all')
          .map((method) => `${method.toUpperCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`)
      : [],
  );
};

/** The status each handler answers with (its @HttpCode, else Nest's default), by Swagger's operationId `Controller_method`. */
const answeredStatuses = (app: INestApplication): Map<string, number> => {
  const statuses = new Map<string, number>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      const prototype = (metatype as Type).prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype).filter((key) => key !== 'constructor')) {
        const handler = prototype[name] as object;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const status =
          (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (method === RequestMethod.POST ? 201 : 200);
        statuses.set(`${(metatype as Type).name}_${name}`, status);
      }
    }
  }
  return statuses;
};

/** The properties class-validator checks on the DTO class of this name, inherited ones included. */
const validatedFieldsOf = (className: string): string[] | undefined => {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Type, unknown[]> };
  const target = [...storage.validationMetadatas.keys()].find((cls) => cls.name === className);
  if (!target) return undefined;
  return [
    ...new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(target, '', true, false)
        .map((meta) => meta.propertyName),
    ),
  ].sort();
};

type Operation = OpenAPIV3.OperationObject & { [ROLES_EXTENSION]?: string[]; [PUBLIC_EXTENSION]?: boolean };

const operationsOf = (document: OpenAPIV3.Document): Map<string, Operation> =>
  new Map(
    Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item ?? {})
        .filter(([method]) => ['get', 'put', 'post', 'delete', 'patch'].includes(method))
        .map(([method, operation]) => [`${method.toUpperCase()} ${path}`, operation as Operation] as const),
    ),
  );

describe('API descriptions: /openapi.json and /docs', () => {
  let regie: RegieHarness;
  let document: OpenAPIV3.Document;
  let operations: Map<string, Operation>;

  beforeAll(async () => {
    regie = await startHarness();
    const response = await regie.http.get('/openapi.json').expect(200);
    document = response.body as OpenAPIV3.Document;
    operations = operationsOf(document);
  });
  afterAll(() => regie.stop());

  it('serves a valid OpenAPI 3 document to anyone, no token needed', async () => {
    expect(document.openapi).toMatch(/^3\./);
    // The parser dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('documents every route the router serves, but those left out on purpose, and nothing else', () => {
    const registered = registeredRoutes(regie.app);
    expect(registered.length).toBeGreaterThan(25);
    expect(registered.filter((route) => !operations.has(route)).sort()).toEqual(UNDOCUMENTED);
    expect([...operations.keys()].filter((route) => !registered.includes(route))).toEqual([]);
  });

  it('gives every documented route a summary, its roles or that it is public, a success answer and problem+json answers', () => {
    for (const [route, operation] of operations) {
      const roles = operation[ROLES_EXTENSION];
      const where = { route, summary: operation.summary, roles, public: operation[PUBLIC_EXTENSION] };
      expect(where).toEqual({ ...where, summary: expect.stringMatching(/\w{3,}/) });
      if (operation[PUBLIC_EXTENSION] === true) {
        expect({ route, roles, security: operation.security }).toEqual({ route, roles: undefined, security: undefined });
      } else {
        expect({ route, roles: roles?.filter((role) => (ROLES as readonly string[]).includes(role)) }).toEqual({
          route,
          roles: expect.arrayContaining([expect.any(String)]),
        });
        expect({ route, roles: roles!.length, security: operation.security }).toEqual({
          route,
          roles: roles!.filter((role) => (ROLES as readonly string[]).includes(role)).length,
          security: [{ bearer: [] }],
        });
      }
      // In words too, for readers of the document that show no extensions.
      const access = roles ? `one of the roles: ${roles.join(', ')}` : 'Public: no token needed.';
      expect({ route, description: operation.description }).toEqual({ route, description: expect.stringContaining(access) });
      // Every request may carry its own id, and every answer names the id it was logged under.
      const parameters = (operation.parameters ?? []) as OpenAPIV3.ParameterObject[];
      expect({ route, requestId: parameters.some((parameter) => parameter.in === 'header' && parameter.name === 'X-Request-Id') }).toEqual({
        route,
        requestId: true,
      });
      for (const [status, response] of Object.entries(operation.responses)) {
        const headers = (response as OpenAPIV3.ResponseObject).headers ?? {};
        expect({ route, status, requestId: 'X-Request-Id' in headers }).toEqual({ route, status, requestId: true });
      }
      const statuses = Object.keys(operation.responses);
      expect({ route, success: statuses.filter((status) => /^2\d\d$/.test(status)).length }).toEqual({ route, success: 1 });
      const problems = statuses.filter((status) => /^[45]\d\d$/.test(status));
      const required = operation[PUBLIC_EXTENSION] ? ['429'] : ['401', '403', '429'];
      expect({ route, problems }).toEqual({ route, problems: expect.arrayContaining(required) });
      for (const status of problems) {
        const content = (operation.responses[status] as OpenAPIV3.ResponseObject).content;
        expect({ route, status, content }).toEqual({
          route,
          status,
          content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
        });
      }
    }
  });

  it('documents the success status each handler really answers with', () => {
    const answered = answeredStatuses(regie.app);
    for (const [route, operation] of operations) {
      const documented = Object.keys(operation.responses)
        .filter((status) => /^2\d\d$/.test(status))
        .map(Number);
      expect({ route, documented }).toEqual({ route, documented: [answered.get(operation.operationId!)] });
    }
  });

  it('describes every request DTO with exactly the fields its validation takes, and the paging of every list', () => {
    const dtos = Object.entries(document.components!.schemas!).filter(([name]) => name !== 'Problem');
    expect(dtos.length).toBeGreaterThan(4);
    for (const [name, schema] of dtos) {
      const fields = Object.keys((schema as OpenAPIV3.SchemaObject).properties ?? {}).sort();
      expect({ name, fields }).toEqual({ name, fields: validatedFieldsOf(name) });
    }
    for (const route of ['GET /v1/cases', 'GET /v1/exclusions', 'GET /v1/aggression-reports', 'GET /v1/customers/{id}/journey']) {
      const query = (operations.get(route)!.parameters as OpenAPIV3.ParameterObject[]).filter((parameter) => parameter.in === 'query');
      expect({ route, query: query.map((parameter) => parameter.name) }).toEqual({
        route,
        query: expect.arrayContaining(['limit', 'cursor']),
      });
    }
  });

  it('documents the body problems (400, 413, 415) of every route that takes a body', () => {
    const withBodies = [...operations].filter(([, operation]) => operation.requestBody !== undefined);
    expect(withBodies.map(([route]) => route)).toEqual(expect.arrayContaining(['POST /v1/interactions', 'PUT /v1/service-concept']));
    for (const [route, operation] of withBodies) {
      expect({ route, statuses: Object.keys(operation.responses) }).toEqual({
        route,
        statuses: expect.arrayContaining(['400', '413', '415']),
      });
    }
  });

  it('says what the guard does: a role the document does not name is refused, one it names is let in', async () => {
    const { [ROLES_EXTENSION]: roles } = operations.get('GET /v1/projections')!;
    const refused = ROLES.find((role) => !roles!.includes(role))!;
    await regie.http
      .get('/v1/projections')
      .set('Authorization', `Bearer ${await regie.token('someone', refused)}`)
      .expect(403);
    await regie.http
      .get('/v1/projections')
      .set('Authorization', `Bearer ${await regie.token('someone', roles![0] as never)}`)
      .expect(200);
  });

  it('answers with the success status and the problems as the document describes them (the Problem schema)', async () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const problem = ajv.compile(document.components!.schemas!.Problem!);
    const accepted = ajv.compile(
      (operations.get('POST /v1/interactions')!.responses['202'] as OpenAPIV3.ResponseObject).content!['application/json']!.schema!,
    );
    const token = await regie.token('platform', 'channel');

    const ok = await regie.http.post('/v1/interactions').set('Authorization', `Bearer ${token}`).send(interaction()).expect(202);
    expect(accepted(ok.body)).toBe(true);

    const invalid = await regie.http
      .post('/v1/interactions')
      .set('Authorization', `Bearer ${token}`)
      .send(interaction({ subject: 'a b' }));
    const unauthenticated = await regie.http.get('/v1/cases');
    const tooLarge = await regie.http
      .post('/v1/interactions')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }));
    const notJson = await regie.http
      .post('/v1/interactions')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'text/plain')
      .send('hi');
    for (const [status, answer] of [
      [400, invalid],
      [401, unauthenticated],
      [413, tooLarge],
      [415, notJson],
    ] as const) {
      expect({ status: answer.status, type: answer.type }).toEqual({ status, type: PROBLEM_CONTENT_TYPE });
      expect({ status, valid: problem(answer.body), errors: problem.errors }).toEqual({ status, valid: true, errors: null });
    }
  });

  it('serves /docs under a policy with no inline script, its own initializer and Swagger UI from this origin', async () => {
    const page = await regie.http
      .get('/docs')
      .expect(200)
      .expect('Content-Type', /text\/html/);
    const policy = page.headers['content-security-policy'] as string;
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(1);
    for (const [, attributes, body] of scripts)
      expect({ attributes, body }).toEqual({ attributes: expect.stringMatching(/ src="\/docs\/assets\//), body: '' });

    const assets = [...page.text.matchAll(/(?:src|href)="(\/docs\/assets\/[^"]+)"/g)].map(([, path]) => path!);
    expect(assets).toEqual(
      expect.arrayContaining(['/docs/assets/swagger-ui-bundle.js', '/docs/assets/swagger-initializer.js', '/docs/assets/swagger-ui.css']),
    );
    for (const path of assets) {
      const asset = await regie.http.get(path).expect(200);
      expect(asset.headers['content-security-policy']).toBe(policy);
    }
    const initializer = await regie.http.get('/docs/assets/swagger-initializer.js').expect('Content-Type', /javascript/);
    expect(initializer.text).toContain("url: '/openapi.json'");
    await regie.http
      .get('/docs/assets/index.html')
      .expect(404)
      .expect('Content-Type', /problem\+json/);
  });

  it('is served by each HTTP app for its own routes: the gateway describes ingest only', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'regie-gateway-'));
    const env = { REGIE_PORT: '0', REGIE_DATA_DIR: dataDir, REGIE_JWT_SECRET: TEST_SECRET, REGIE_LOG_LEVEL: 'silent' };
    const gateway = await startRegieApp(['gateway'], env);
    try {
      const { body } = await request(gateway.url).get('/openapi.json').expect(200);
      const routes = [...operationsOf(body as OpenAPIV3.Document).keys()].sort();
      expect(routes).toEqual([
        'GET /docs',
        'GET /health',
        'GET /health/ready',
        'GET /metrics',
        'GET /openapi.json',
        'POST /v1/interactions',
      ]);
      expect(registeredRoutes(gateway.app).filter((route) => !routes.includes(route))).toEqual(['GET /docs/assets/{name}']);
    } finally {
      await gateway.app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
