// The OpenAPI document describes exactly the route handlers that exist under app/api/v1, with
// request bodies taken from the schemas the server validates with, is valid OpenAPI 3.1, and
// writes shared shapes (the error body first) once, as components.
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { RATING_VALUES } from '@/lib/validations/verdict';
import { apiRouteHandlers, type BodyUse, type HttpMethod } from '../../support/api-routes';

type Method = Lowercase<HttpMethod>;
type Parameter = { name: string; in: string; required?: boolean; schema?: Record<string, unknown> };
type Operation = {
  operationId?: string;
  tags?: string[];
  summary?: string;
  parameters?: Parameter[];
  requestBody?: {
    required?: boolean;
    content: { 'application/json': { schema: Record<string, unknown> } };
  };
  responses: Record<string, unknown>;
};
type PathItem = Partial<Record<Method, Operation>>;

/** `{ '/api/v1/articles/{id}': { get: 'none', patch: 'required' }, … }` from the route files. */
function handlersOnDisk(): Record<string, Partial<Record<Method, BodyUse>>> {
  const routes: Record<string, Partial<Record<Method, BodyUse>>> = {};
  for (const handler of apiRouteHandlers()) {
    routes[handler.path] ??= {};
    routes[handler.path]![handler.method.toLowerCase() as Method] = handler.body;
  }
  return routes;
}

/** `{ '/api/v1/articles/{id}': ['get', 'patch'], … }` read from the route files themselves. */
function routesOnDisk(): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(handlersOnDisk()).map(([urlPath, methods]) => [
      urlPath,
      Object.keys(methods).sort(),
    ]),
  );
}

describe('OpenAPI document', () => {
  const document = buildOpenApiDocument('https://factdesk.example') as {
    openapi: string;
    servers: { url: string }[];
    security: Record<string, string[]>[];
    tags: { name: string }[];
    components: {
      securitySchemes: Record<string, Record<string, unknown>>;
      schemas: Record<string, Record<string, unknown>>;
      responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
    };
    paths: Record<string, PathItem>;
  };
  const operations = Object.entries(document.paths).flatMap(([urlPath, item]) =>
    (Object.keys(item) as Method[]).map((method) => ({
      urlPath,
      method,
      operation: item[method]!,
    })),
  );
  /** A schema, or the component it refers to. */
  const resolve = (schema: Record<string, unknown> | undefined) => {
    const ref = schema?.$ref;
    if (typeof ref !== 'string') return schema;
    return document.components.schemas[ref.replace('#/components/schemas/', '')];
  };
  const bodySchema = (operation: Operation | undefined) =>
    operation?.requestBody?.content['application/json'].schema;

  it('is OpenAPI 3.1 with the given server', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([{ url: 'https://factdesk.example' }]);
  });

  it('describes every route handler and method under app/api/v1, and nothing else', () => {
    const described = Object.fromEntries(
      Object.entries(document.paths).map(([urlPath, item]) => [urlPath, Object.keys(item).sort()]),
    );
    const onDisk = routesOnDisk();
    expect(Object.keys(onDisk).length).toBeGreaterThan(5);
    expect(described).toEqual(onDisk);
  });

  it('declares every path parameter', () => {
    for (const { urlPath, method, operation } of operations) {
      const names = [...urlPath.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = (operation.parameters ?? [])
        .filter((p) => p.in === 'path')
        .map((p) => p.name);
      expect(declared, `${method} ${urlPath}`).toEqual(names);
    }
  });

  it('takes request bodies from the validation schemas', () => {
    const verdict = document.paths['/api/v1/sentences/{id}/verdict']?.put;
    const schema = verdict?.requestBody?.content['application/json'].schema as {
      properties: Record<string, { enum?: string[] }>;
      required?: string[];
    };
    expect(schema.properties.rating?.enum).toEqual([...RATING_VALUES]);
    expect(schema.required).toEqual(['rating']);
    expect(Object.keys(schema.properties).sort()).toEqual(
      ['claim', 'rating', 'rationale', 'sources', 'version'].sort(),
    );
    expect(schema).not.toHaveProperty('$schema');

    const rename = document.paths['/api/v1/articles/{id}']?.patch;
    const renameSchema = rename?.requestBody?.content['application/json'].schema;
    expect(renameSchema).toMatchObject({ required: ['title', 'version'] });
  });

  it('documents 400 and 422 for routes reading a JSON body, 401 unless public', () => {
    const onDisk = handlersOnDisk();
    let checked = 0;
    for (const { urlPath, method, operation } of operations) {
      const codes = Object.keys(operation.responses);
      const where = `${method} ${urlPath}`;
      const isPublic = (operation as { security?: unknown[] }).security?.length === 0;
      if (!isPublic) expect(codes, where).toContain('401');
      if ((onDisk[urlPath]?.[method] ?? 'none') === 'none') continue;
      checked++;
      expect(codes, where).toEqual(expect.arrayContaining(['400', '422']));
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('documents a request body for every handler reading one, optional when it is', () => {
    const onDisk = handlersOnDisk();
    for (const [urlPath, handlers] of Object.entries(onDisk)) {
      for (const [method, use] of Object.entries(handlers) as [Method, BodyUse][]) {
        const operation = document.paths[urlPath]?.[method];
        const where = `${method} ${urlPath}`;
        if (use === 'none') {
          expect(operation?.requestBody, where).toBeUndefined();
          continue;
        }
        expect(operation?.requestBody, where).toBeDefined();
        expect(bodySchema(operation), where).toBeTypeOf('object');
        expect(operation?.requestBody?.required, where).toBe(use === 'required');
      }
    }
  });

  it('gives every operation a unique camelCase operationId, a known tag and a summary', () => {
    const tagNames = document.tags.map((tag) => tag.name);
    expect(tagNames).toEqual(
      expect.arrayContaining([
        'articles',
        'sentences',
        'verdicts',
        'comments',
        'annotations',
        'teams',
        'invitations',
        'tokens',
        'me',
        'meta',
      ]),
    );
    const ids = operations.map(({ operation }) => operation.operationId);
    for (const { urlPath, method, operation } of operations) {
      const where = `${method} ${urlPath}`;
      expect(operation.operationId, where).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(operation.tags?.length, where).toBeGreaterThanOrEqual(1);
      for (const tag of operation.tags ?? []) expect(tagNames, where).toContain(tag);
      expect(operation.summary, where).toBeTruthy();
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('types path parameters: uuids, except invitation tokens', () => {
    for (const { urlPath, operation } of operations) {
      const declared = (operation.parameters ?? []).filter((p) => p.in === 'path');
      for (const name of [...urlPath.matchAll(/\{(\w+)\}/g)].map((match) => match[1])) {
        const parameter = declared.find((p) => p.name === name);
        expect(parameter, `${name} in ${urlPath}`).toBeDefined();
        expect(parameter?.required, `${name} in ${urlPath}`).toBe(true);
        const schema = resolve(parameter?.schema);
        expect(schema?.type, `${name} in ${urlPath}`).toBe('string');
        if (name === 'token') expect(schema?.format).toBeUndefined();
        else expect(schema?.format, `${name} in ${urlPath}`).toBe('uuid');
      }
    }
  });

  it('requires a reason to send a verdict back', () => {
    const schema = bodySchema(document.paths['/api/v1/verdicts/{id}/reject']?.post) as {
      properties: Record<string, unknown>;
      required?: string[];
    };
    expect(schema.required).toEqual(['reason']);
    expect(Object.keys(schema.properties).sort()).toEqual(['reason', 'version']);
  });

  it('settles a dispute by approving a verdict or writing the final one', () => {
    const schema = bodySchema(document.paths['/api/v1/sentences/{id}/resolve']?.post) as {
      anyOf?: { required?: string[] }[];
      oneOf?: { required?: string[] }[];
    };
    const shapes = schema.anyOf ?? schema.oneOf ?? [];
    expect(shapes).toHaveLength(2);
    expect(shapes.map((shape) => shape.required)).toEqual(
      expect.arrayContaining([
        expect.arrayContaining(['verdictId']),
        expect.arrayContaining(['rating', 'rationale']),
      ]),
    );
  });

  it('accepts the session cookie or a bearer token, and sign-up without either', () => {
    const schemes = document.components.securitySchemes;
    expect(Object.keys(schemes)).toEqual(expect.arrayContaining(['session', 'bearer']));
    expect(schemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ session: [] }, { bearer: [] }]);
    expect(
      (document.paths['/api/v1/signup']?.post as { security?: unknown[] } | undefined)?.security,
    ).toEqual([]);
  });

  it('documents the live stream as Server-Sent Events', () => {
    const stream = document.paths['/api/v1/articles/{id}/events']?.get as
      (Operation & { description?: string }) | undefined;
    const ok = stream?.responses['200'] as { content: Record<string, unknown> } | undefined;
    expect(Object.keys(ok?.content ?? {})).toEqual(['text/event-stream']);
    expect(stream?.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Last-Event-ID', in: 'header' })]),
    );
    expect(stream?.description).toMatch(/presence/);
    expect(stream?.description).toMatch(/resync/);
  });

  it('is valid OpenAPI 3.1 (the official schema, through a maintained validator)', async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('writes the error body once, as a component every failure refers to', () => {
    const text = JSON.stringify(document);
    const refs = text.match(/"#\/components\/schemas\/Error"/g) ?? [];
    expect(refs.length).toBeGreaterThan(100);
    // Its description of `code` appears once: in the component, not inline copies.
    expect(text.match(/stable machine code/g)).toHaveLength(1);
    for (const { urlPath, method, operation } of operations) {
      for (const [status, answer] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        const response = answer as {
          $ref?: string;
          content?: Record<string, { schema: unknown }>;
        };
        const shared = response.$ref
          ? document.components.responses[response.$ref.replace('#/components/responses/', '')]
          : response;
        expect(
          shared?.content?.['application/json']?.schema,
          `${status} ${method} ${urlPath}`,
        ).toEqual({ $ref: '#/components/schemas/Error' });
      }
    }
  });

  it('shares the pieces several bodies use, and kinds of failure, as components', () => {
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining([
        'Error',
        'Id',
        'Timestamp',
        'Person',
        'TextQuoteSelector',
        'TextPositionSelector',
        'Verdict',
        'PublishedVerdict',
        'Unit',
        'Job',
      ]),
    );
    expect(Object.keys(document.components.responses)).toEqual(
      expect.arrayContaining([
        'Unauthenticated',
        'InvalidJson',
        'ValidationFailed',
        'PayloadTooLarge',
        'UnsupportedMediaType',
        'DatabaseUnavailable',
      ]),
    );
  });

  it('is much smaller than the hand-written document was (296,701 characters)', () => {
    // 147,308 characters before the three publication operations (issue 15), 153,569 after,
    // 184,650 with the external fact-check and matching operations (issue 16):
    // the bound keeps room for new operations, not for the repetition the shared schemas avoid.
    expect(JSON.stringify(document).length).toBeLessThan(195_000);
  });

  it('describes reports, files and JSON-LD by their media types', () => {
    const report = document.paths['/api/v1/articles/{id}/report']?.get;
    const ok = report?.responses['200'] as { content: Record<string, unknown> } | undefined;
    expect(Object.keys(ok?.content ?? {})).toEqual(
      expect.arrayContaining(['text/html', 'text/markdown', 'text/csv', 'application/ld+json']),
    );
    const result = document.paths['/api/v1/jobs/{id}/result']?.get;
    const file = result?.responses['200'] as { content: Record<string, unknown> } | undefined;
    expect(Object.keys(file?.content ?? {})).toEqual(
      expect.arrayContaining(['application/pdf', 'application/json']),
    );
  });
});
