// Static markup from React elements, in every process that writes the HTML report: the Next
// route handler (bundled for React Server Components), the PDF worker (run with
// `--conditions=react-server`, for `server-only`) and the tests (plain Node).
//
// React DOM's server renderer needs the client build of React. Where the `react-server` condition
// applies, `react-dom/server` resolves to a stub that throws, and `react` to the server build,
// which lacks the internals the renderer uses; a bundled route handler would also get Next's
// server copy of React. So the renderer is loaded at run time, outside the bundler (through
// process.getBuiltinModule, which bundlers do not follow), from the installed react-dom, with
// `react` and `react-dom` resolved to their client entry points while it loads. Elements made by
// any copy of React render with it: they are plain objects marked with a global Symbol.for, and
// the report's components are plain functions without hooks or context.
import path from 'node:path';
import { createElement, type ReactNode } from 'react';

type RenderToStaticMarkup = (node: ReactNode) => string;

/** Node's CommonJS resolver: undocumented, but what Next's and tsx's require hooks patch too. */
interface CommonJsResolver {
  _resolveFilename(this: unknown, request: string, ...rest: unknown[]): string;
}

let renderer: RenderToStaticMarkup | undefined;

function loadRenderer(): RenderToStaticMarkup {
  const nodeModule = process.getBuiltinModule('node:module');
  // Not named `require`: a bundler must not mistake it for its own and follow it.
  const requireInstalled = nodeModule.createRequire(path.join(process.cwd(), 'package.json'));
  const packageDir = (name: string) =>
    path.dirname(requireInstalled.resolve(`${name}/package.json`));
  const clientEntries = new Map([
    ['react', path.join(packageDir('react'), 'index.js')],
    ['react-dom', path.join(packageDir('react-dom'), 'index.js')],
  ]);
  const resolver = nodeModule.Module as unknown as CommonJsResolver;
  const resolve = resolver._resolveFilename;
  // Only while the renderer's files load: they require react and react-dom at their top level.
  resolver._resolveFilename = function (request, ...rest) {
    return clientEntries.get(request) ?? resolve.call(this, request, ...rest);
  };
  try {
    const server = requireInstalled(path.join(packageDir('react-dom'), 'server.node.js')) as {
      renderToStaticMarkup: RenderToStaticMarkup;
    };
    return server.renderToStaticMarkup;
  } finally {
    resolver._resolveFilename = resolve;
  }
}

/** The HTML of `node`: text and attribute values escaped by React. */
export function renderMarkup(node: ReactNode): string {
  renderer ??= loadRenderer();
  return renderer(node);
}

const SLOT_TAG = 'factdesk-slot';
const SLOT_MARKUP = `<${SLOT_TAG}></${SLOT_TAG}>`;

/**
 * Where a streamed document is cut (see renderAround). React escapes `<` in every text and
 * attribute value, so no user text can print this tag: only the element itself can.
 */
export function Slot(): ReactNode {
  return createElement(SLOT_TAG);
}

/**
 * The markup of `node` before and after its one <Slot />: how an element whose children are
 * streamed (the document, the claims section) is written as an opening and a closing piece.
 */
export function renderAround(node: ReactNode): [before: string, after: string] {
  const parts = renderMarkup(node).split(SLOT_MARKUP);
  if (parts.length !== 2) throw new Error(`expected one ${SLOT_TAG}, found ${parts.length - 1}`);
  return [parts[0], parts[1]];
}
