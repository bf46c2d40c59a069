// readSource, the production entry of every import: pasted text, an uploaded page and a fetched
// URL all go through the one dispatch (lib/import/extract.ts extractFromSource, fed by
// lib/import/media-type.ts), and every refusal becomes one 422 `import_failed` with its reason.
// A local HTTP server stands in for the web; no database is used.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/server/errors';
import { readSource } from '@/lib/server/import/read-source';
import { articleSourceSchema } from '@/lib/validations/article';

const PAGES: Record<string, [contentType: string, body: string]> = {
  '/page.html': [
    'TEXT/HTML; charset=UTF-8; ',
    '<html lang="fr"><head><link rel="canonical" href="/canonique"></head><body><article><p>Un été à Besançon.</p></article></body></html>',
  ],
  '/page.xhtml': ['application/xhtml+xml', '<html><body><p>Une page XHTML.</p></body></html>'],
  '/notes.md': ['text/x-markdown; charset="utf-8"', 'Un *texte* en Markdown.'],
  '/notes.txt': ['text/plain', '<p>Du texte brut.</p>'],
  '/report.pdf': ['application/pdf', '%PDF-1.7'],
  '/data.json': ['application/json', '{"text":"Un texte."}'],
};

let server: Server;
let base: string;
const savedEnv = process.env.IMPORT_ALLOW_PRIVATE_HOSTS;

function route(req: IncomingMessage, res: ServerResponse) {
  const page = PAGES[req.url ?? ''];
  if (!page) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': page[0] });
  res.end(page[1]);
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  process.env.IMPORT_ALLOW_PRIVATE_HOSTS = '1'; // the local server is a private address
});

afterEach(() => {
  if (savedEnv === undefined) delete process.env.IMPORT_ALLOW_PRIVATE_HOSTS;
  else process.env.IMPORT_ALLOW_PRIVATE_HOSTS = savedEnv;
});

/** The source part of a request body, parsed as the API parses it. */
function source(input: Record<string, string>) {
  return articleSourceSchema.parse(input);
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the import to be refused');
}

describe('readSource: pasted and uploaded', () => {
  it('reads pasted text as text, even when it looks like HTML', async () => {
    expect(await readSource(source({ text: '<p>Un texte.</p>' }))).toMatchObject({
      text: '<p>Un texte.</p>',
      kind: 'paste',
      sourceUrl: null,
    });
  });

  it('reads pasted Markdown as Markdown', async () => {
    expect(await readSource(source({ text: '**Un** texte.', format: 'markdown' }))).toMatchObject({
      text: 'Un texte.',
      kind: 'paste',
    });
  });

  it('reads an uploaded page as HTML', async () => {
    expect(
      await readSource(source({ html: '<p>Un <b>texte</b> &eacute;crit.</p>' })),
    ).toMatchObject({ text: 'Un texte écrit.', kind: 'upload' });
  });
});

describe('readSource: fetched', () => {
  it.each([
    ['/page.html', 'Un été à Besançon.', '/canonique'],
    ['/page.xhtml', 'Une page XHTML.', '/page.xhtml'],
    ['/notes.md', 'Un texte en Markdown.', '/notes.md'],
    ['/notes.txt', '<p>Du texte brut.</p>', '/notes.txt'],
  ])('%s by its Content-Type', async (path, text, sourcePath) => {
    expect(await readSource(source({ url: `${base}${path}` }))).toMatchObject({
      text,
      kind: 'url',
      sourceUrl: `${base}${sourcePath}`,
    });
  });

  it.each([
    ['/report.pdf', 'application/pdf'],
    ['/data.json', 'application/json'],
  ])('refuses %s (%s) as a 422 naming the type', async (path, type) => {
    const error = await refusal(readSource(source({ url: `${base}${path}` })));
    expect(error.code).toBe('import_failed');
    expect(error.status).toBe(422);
    expect(error.details).toEqual({ reason: 'unsupported_type' });
    expect(error.message).toContain(`(${type})`);
  });
});
