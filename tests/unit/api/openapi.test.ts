// The OpenAPI document describes exactly the route handlers that exist under app/api/v1, with
// request bodies taken from the schemas the server validates with.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { RATING_VALUES } from '@/lib/validations/verdict';

const API_ROOT = path.join(process.cwd(), 'app', 'api', 'v1');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

type Operation = {
  requestBody?: { content: { 'application/json': { schema: Record<string, unknown> } } };
  responses: Record<string, unknown>;
};
type PathItem = Partial<Record<Lowercase<(typeof METHODS)[number]>, Operation>> & {
  parameters?: { name: string; in: string }[];
};

/** `{ '/api/v1/articles/{id}': ['get', 'patch'], … }` read from the route files themselves. */
function routesOnDisk(): Record<string, string[]> {
  const routes: Record<string, string[]> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'route.ts') {
        const source = readFileSync(full, 'utf8');
        const urlPath = `/api/v1/${path.relative(API_ROOT, dir)}`
          .split(path.sep)
          .join('/')
          .replace(/\[(\w+)\]/g, '{$1}');
        routes[urlPath] = METHODS.filter((method) =>
          new RegExp(`export const ${method}\\b`).test(source),
        )
          .map((method) => method.toLowerCase())
          .sort();
      }
    }
  };
  walk(API_ROOT);
  return routes;
}

describe('OpenAPI document', () => {
  const document = buildOpenApiDocument('https://factdesk.example') as {
    openapi: string;
    servers: { url: string }[];
    paths: Record<string, PathItem>;
  };

  it('is OpenAPI 3.1 with the given server', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([{ url: 'https://factdesk.example' }]);
  });

  it('describes every route handler and method under app/api/v1, and nothing else', () => {
    const described = Object.fromEntries(
      Object.entries(document.paths).map(([urlPath, item]) => [
        urlPath,
        Object.keys(item)
          .filter((key) => key !== 'parameters')
          .sort(),
      ]),
    );
    const onDisk = routesOnDisk();
    expect(Object.keys(onDisk).length).toBeGreaterThan(5);
    expect(described).toEqual(onDisk);
  });

  it('declares every path parameter', () => {
    for (const [urlPath, item] of Object.entries(document.paths)) {
      const names = [...urlPath.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = (item.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect(declared, urlPath).toEqual(names);
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
      ['rating', 'rationale', 'sources', 'version'].sort(),
    );
    expect(schema).not.toHaveProperty('$schema');

    const rename = document.paths['/api/v1/articles/{id}']?.patch;
    const renameSchema = rename?.requestBody?.content['application/json'].schema;
    expect(renameSchema).toMatchObject({ required: ['title', 'version'] });
  });

  it('documents the error answers of write routes', () => {
    for (const [urlPath, item] of Object.entries(document.paths)) {
      for (const method of ['post', 'put', 'patch'] as const) {
        const operation = item[method];
        if (!operation) continue;
        expect(Object.keys(operation.responses), `${method} ${urlPath}`).toEqual(
          expect.arrayContaining(['400', '422']),
        );
      }
    }
  });
});
