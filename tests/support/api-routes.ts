// The /api/v1 route handlers as they exist on disk, read from app/api/v1/**/route.ts: the
// OpenAPI test and the end-to-end authorization matrix both check they cover every one.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** What a handler does with the request body. */
export type BodyUse = 'none' | 'required' | 'optional';

export interface RouteHandler {
  method: HttpMethod;
  /** OpenAPI-style path: `/api/v1/articles/{id}`. */
  path: string;
  body: BodyUse;
}

export function apiRouteHandlers(root = path.join(process.cwd(), 'app', 'api', 'v1')) {
  const handlers: RouteHandler[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'route.ts') {
        const source = readFileSync(full, 'utf8');
        const urlPath = `/api/v1/${path.relative(root, dir)}`
          .split(path.sep)
          .join('/')
          .replace(/\[(\w+)\]/g, '{$1}')
          .replace(/\/$/, '');
        // Each exported handler's source runs up to the next export (or the end of the file).
        const exports = [...source.matchAll(/^export const (\w+)\b/gm)];
        exports.forEach((match, i) => {
          const method = match[1] as HttpMethod;
          if (!HTTP_METHODS.includes(method)) return;
          const chunk = source.slice(match.index, exports[i + 1]?.index ?? source.length);
          const body: BodyUse = chunk.includes('readOptionalJson(')
            ? 'optional'
            : chunk.includes('readJson(')
              ? 'required'
              : 'none';
          handlers.push({ method, path: urlPath, body });
        });
      }
    }
  };
  walk(root);
  return handlers;
}
