// The API reference, rendered on the server from the OpenAPI 3.1 document itself
// (lib/api/openapi.ts, the one served at /api/v1/openapi.json): operations grouped by tag, each
// with its parameters, request body, and responses by status with their schemas; `$ref`
// components are shown by name and linked to their own section. Plain HTML (<details> to open an
// operation): no script, nothing for the CSP to allow, and it follows the document as it changes.
// The words around the document (settings.apiDocs) follow the interface language; the
// document's own texts stay in English.
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Cell, ColumnHeader, Table, TableBody, TableHead } from '@/components/ui/table';

type Json = Record<string, unknown>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;
/** How deep nested objects are drawn inline before "…" (a component is linked, not drawn). */
const MAX_DEPTH = 5;

const METHOD_LOOK: Record<(typeof METHODS)[number], string> = {
  get: 'bg-blue-100 text-blue-900',
  post: 'bg-green-100 text-green-900',
  put: 'bg-amber-100 text-amber-900',
  patch: 'bg-amber-100 text-amber-900',
  delete: 'bg-red-100 text-red-900',
  head: 'bg-stone-100 text-stone-800',
  options: 'bg-stone-100 text-stone-800',
};

function record(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `#/components/schemas/Verdict` → `Verdict`. */
function refName(ref: string): string {
  return decodeURIComponent(ref.split('/').pop() ?? ref);
}

function schemaAnchor(name: string): string {
  return `schema-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function slug(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '');
}

/** Resolves a local `$ref` (`#/components/…`), one level, for parameters, bodies, responses. */
function deref(document: Json, value: unknown): Json | null {
  const object = record(value);
  const ref = text(object?.$ref);
  if (!ref?.startsWith('#/')) return object;
  let target: unknown = document;
  for (const part of ref.slice(2).split('/')) {
    target = record(target)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return record(target);
}

/** Descriptions are CommonMark in the document; only `code` spans and paragraphs are drawn. */
function Prose({
  value,
  className = '',
  lang,
}: {
  value: unknown;
  className?: string;
  lang?: string;
}) {
  const content = text(value);
  if (!content) return null;
  return (
    <div className={`space-y-2 ${className}`} lang={lang}>
      {content.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i}>
          {paragraph.split(/(`[^`]+`)/).map((part, j) =>
            part.startsWith('`') && part.endsWith('`') && part.length > 1 ? (
              <code key={j} className="rounded bg-stone-100 px-1 text-[0.85em]">
                {part.slice(1, -1)}
              </code>
            ) : (
              part
            ),
          )}
        </p>
      ))}
    </div>
  );
}

/** A short type: `string (uuid)`, `integer | null`, `tableau de Verdict`, `"a" | "b"`. */
function TypeLabel({ schema }: { schema: Json }): ReactNode {
  const t = useTranslations('settings.apiDocs');
  const ref = text(schema.$ref);
  if (ref) {
    const name = refName(ref);
    return (
      <a href={`#${schemaAnchor(name)}`} className="font-mono text-blue-700 underline">
        {name}
      </a>
    );
  }
  if ('const' in schema) return <code>{JSON.stringify(schema.const)}</code>;
  const values = list(schema.enum);
  if (values.length > 0) {
    return (
      <span className="font-mono">
        {values.map((v, i) => (
          <span key={i}>
            {i > 0 ? ' | ' : ''}
            <code>{JSON.stringify(v)}</code>
          </span>
        ))}
      </span>
    );
  }
  const variants = list(schema.anyOf).length > 0 ? list(schema.anyOf) : list(schema.oneOf);
  if (variants.length > 0) {
    return (
      <span>
        {variants.map((variant, i) => (
          <span key={i}>
            {i > 0 ? ' | ' : ''}
            <TypeLabel schema={record(variant) ?? {}} />
          </span>
        ))}
      </span>
    );
  }
  const types = Array.isArray(schema.type) ? schema.type.map(String) : [text(schema.type) ?? ''];
  const labels = types.filter(Boolean).map((type) => {
    if (type === 'array') {
      const items = record(schema.items);
      return (
        <span key={type}>
          {t.rich('arrayOf', {
            // The items' type replaces the generic word when the schema names one.
            type: (chunks) => (items ? <TypeLabel schema={items} /> : chunks),
          })}
        </span>
      );
    }
    const format = text(schema.format);
    return (
      <span key={type} className="font-mono">
        {type}
        {format ? ` (${format})` : ''}
      </span>
    );
  });
  if (labels.length === 0) return <span className="text-stone-500">{t('anyValue')}</span>;
  return (
    <span>
      {labels.map((label, i) => (
        <span key={i}>
          {i > 0 ? ' | ' : ''}
          {label}
        </span>
      ))}
    </span>
  );
}

/** The constraint keywords shown, in this order; their words are settings.apiDocs.constraint.*. */
const CONSTRAINTS = [
  'minLength',
  'maxLength',
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'pattern',
  'default',
] as const;

/** min/max, pattern, default…: what a value must respect, each with its value as JSON. */
function constraintsOf(schema: Json): { key: (typeof CONSTRAINTS)[number]; value: string }[] {
  return CONSTRAINTS.filter((key) => key in schema).map((key) => ({
    key,
    value: JSON.stringify(schema[key]),
  }));
}

/** A schema's constraints in a few words (« longueur ≥ 1 · motif "…" »), or nothing. */
function Constraints({
  schema,
  className,
  prefix = '',
}: {
  schema: Json;
  className: string;
  prefix?: string;
}) {
  const t = useTranslations('settings.apiDocs');
  const constraints = constraintsOf(schema);
  if (constraints.length === 0) return null;
  return (
    <span className={className}>
      {prefix}
      {constraints.map(({ key, value }) => t(`constraint.${key}`, { value })).join(' · ')}
    </span>
  );
}

/** The schema an inline view would open: an object's properties, an array's object items. */
function innerOf(schema: Json): Json | null {
  if (record(schema.properties)) return schema;
  const items = record(schema.items);
  if (items && !items.$ref && record(items.properties)) return items;
  const variants = [...list(schema.anyOf), ...list(schema.oneOf), ...list(schema.allOf)]
    .map(record)
    .filter((v): v is Json => v !== null && !v.$ref && record(v.properties) !== null);
  return variants.length === 1 ? variants[0]! : null;
}

function SchemaView({ schema, depth = 0 }: { schema: Json; depth?: number }) {
  const t = useTranslations('settings.apiDocs');
  const inner = innerOf(schema);
  if (!inner) {
    return (
      <p className="text-sm">
        <TypeLabel schema={schema} />
        <Prose value={schema.description} className="mt-1 text-stone-600" />
      </p>
    );
  }
  const properties = Object.entries(record(inner.properties) ?? {});
  const required = new Set(list(inner.required).map(String));
  const extra = record(inner.additionalProperties);
  return (
    <div className="text-sm">
      {inner !== schema ? (
        <p className="mb-1 text-stone-600">
          {inner === record(schema.items) ? t('arrayOfObjects') : <TypeLabel schema={schema} />}
        </p>
      ) : null}
      {depth >= MAX_DEPTH ? (
        <p className="text-stone-500">{t('objectTooDeep')}</p>
      ) : (
        <ul className="space-y-1.5 border-l-2 border-stone-200 pl-3">
          {properties.map(([name, value]) => {
            const property = record(value) ?? {};
            const nested = !property.$ref && innerOf(property);
            return (
              <li key={name}>
                <code className="font-semibold text-stone-900">{name}</code>{' '}
                {required.has(name) ? (
                  <span className="text-xs font-medium text-red-800">{t('required')}</span>
                ) : (
                  <span className="text-xs text-stone-500">{t('optional')}</span>
                )}{' '}
                <span className="text-stone-700">
                  <TypeLabel schema={property} />
                </span>
                <Constraints schema={property} className="text-xs text-stone-500" prefix=" · " />
                <Prose value={property.description} className="text-stone-600" />
                {nested ? (
                  <div className="mt-1">
                    <SchemaView schema={property} depth={depth + 1} />
                  </div>
                ) : null}
              </li>
            );
          })}
          {extra ? (
            <li>
              <span className="text-stone-600">{t('otherKeys')} </span>
              <TypeLabel schema={extra} />
            </li>
          ) : null}
        </ul>
      )}
    </div>
  );
}

/** A body's content: each media type with its schema. */
function ContentView({ content }: { content: unknown }) {
  const entries = Object.entries(record(content) ?? {});
  if (entries.length === 0) return null;
  return (
    <div className="mt-1 space-y-2">
      {entries.map(([mediaType, value]) => {
        const schema = record(record(value)?.schema);
        return (
          <div key={mediaType}>
            <p className="text-xs text-stone-500">
              <code>{mediaType}</code>
            </p>
            {schema ? <SchemaView schema={schema} /> : null}
          </div>
        );
      })}
    </div>
  );
}

function Operation({
  document,
  method,
  path,
  operation,
  inherited,
}: {
  document: Json;
  method: (typeof METHODS)[number];
  path: string;
  operation: Json;
  /** Parameters declared on the path item, shared by its operations. */
  inherited: unknown[];
}) {
  const t = useTranslations('settings.apiDocs');
  const id = `op-${slug(text(operation.operationId) ?? `${method}-${path}`)}`;
  const parameters = [...inherited, ...list(operation.parameters)]
    .map((p) => deref(document, p))
    .filter((p): p is Json => p !== null);
  const requestBody = deref(document, operation.requestBody);
  const responses = Object.entries(record(operation.responses) ?? {});
  const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
  const label = `${method.toUpperCase()} ${path}`;
  return (
    <details id={id} className="group rounded-lg border border-stone-200 bg-white">
      <summary className="flex cursor-pointer flex-wrap items-baseline gap-2 px-3 py-2">
        <span
          className={`w-16 shrink-0 rounded px-1.5 py-0.5 text-center font-mono text-xs font-semibold ${METHOD_LOOK[method]}`}
        >
          {method.toUpperCase()}
        </span>
        <code className="font-mono text-sm text-stone-900 [overflow-wrap:anywhere]">{path}</code>
        <span className="text-sm text-stone-600">{text(operation.summary)}</span>
        {operation.deprecated === true ? (
          <span className="text-xs font-medium text-amber-800">{t('deprecated')}</span>
        ) : null}
      </summary>
      <div className="space-y-4 border-t border-stone-100 px-3 py-3 text-sm">
        <Prose value={operation.description} className="text-stone-700" />
        {isPublic ? <p className="text-xs text-stone-600">{t('public')}</p> : null}
        {parameters.length > 0 ? (
          <div>
            <h4 className="mb-1 font-semibold">{t('parameters')}</h4>
            <Table caption={t('parametersOf', { operation: label })}>
              <TableHead>
                <ColumnHeader>{t('columnName')}</ColumnHeader>
                <ColumnHeader>{t('columnPlace')}</ColumnHeader>
                <ColumnHeader>{t('columnType')}</ColumnHeader>
                <ColumnHeader>{t('columnDescription')}</ColumnHeader>
              </TableHead>
              <TableBody alignTop>
                {parameters.map((parameter) => {
                  const name = text(parameter.name) ?? '';
                  const place = text(parameter.in) ?? '';
                  const schema = record(parameter.schema) ?? {};
                  return (
                    <tr key={`${place}-${name}`}>
                      <Cell className="whitespace-nowrap">
                        <code className="font-semibold">{name}</code>
                        {parameter.required === true ? (
                          <span className="ml-1 text-xs text-red-800">{t('required')}</span>
                        ) : null}
                      </Cell>
                      <Cell className="text-stone-600">{t('place', { place })}</Cell>
                      <Cell>
                        <TypeLabel schema={schema} />
                        <Constraints schema={schema} className="block text-xs text-stone-500" />
                      </Cell>
                      <Cell className="text-stone-700">
                        <Prose value={parameter.description ?? schema.description} />
                      </Cell>
                    </tr>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        ) : null}
        {requestBody ? (
          <div>
            <h4 className="font-semibold">
              {t('requestBody')}
              {requestBody.required === true ? (
                <span className="ml-1 text-xs font-medium text-red-800">{t('required')}</span>
              ) : null}
            </h4>
            <Prose value={requestBody.description} className="text-stone-700" />
            <ContentView content={requestBody.content} />
          </div>
        ) : null}
        {responses.length > 0 ? (
          <div>
            <h4 className="mb-1 font-semibold">{t('responses')}</h4>
            <ul className="space-y-3">
              {responses.map(([status, value]) => {
                const response = deref(document, value) ?? {};
                const ref = text(record(value)?.$ref);
                const ok = status.startsWith('2') || status.startsWith('3');
                return (
                  <li key={status}>
                    <p>
                      <span
                        className={`mr-2 rounded px-1.5 py-0.5 font-mono text-xs font-semibold ${ok ? 'bg-green-100 text-green-900' : 'bg-red-100 text-red-900'}`}
                      >
                        {status}
                      </span>
                      {ref ? <span className="mr-1 font-mono text-xs">{refName(ref)}</span> : null}
                    </p>
                    <Prose value={response.description} className="mt-1 text-stone-700" />
                    <ContentView content={response.content} />
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
      </div>
    </details>
  );
}

interface Entry {
  method: (typeof METHODS)[number];
  path: string;
  operation: Json;
  inherited: unknown[];
}

/**
 * The document's operations by tag, in the order of its `tags` list (then any others);
 * operations without a tag go under `otherTag`.
 */
function groupByTag(
  document: Json,
  otherTag: string,
): { name: string; description: unknown; entries: Entry[] }[] {
  const groups = new Map<string, Entry[]>();
  const declared = list(document.tags)
    .map(record)
    .filter((t): t is Json => t !== null);
  for (const tag of declared) groups.set(text(tag.name) ?? '', []);
  for (const [path, value] of Object.entries(record(document.paths) ?? {})) {
    const item = record(value) ?? {};
    for (const method of METHODS) {
      const operation = record(item[method]);
      if (!operation) continue;
      const tag = text(list(operation.tags)[0]) ?? otherTag;
      const entries = groups.get(tag) ?? [];
      entries.push({ method, path, operation, inherited: list(item.parameters) });
      groups.set(tag, entries);
    }
  }
  return [...groups]
    .filter(([, entries]) => entries.length > 0)
    .map(([name, entries]) => ({
      name,
      description: declared.find((t) => t.name === name)?.description,
      entries,
    }));
}

/** `document`: an OpenAPI 3.1 document, as built by buildOpenApiDocument (read defensively). */
export function OpenApiReference({ document: openapi }: { document: object }) {
  const t = useTranslations('settings.apiDocs');
  const document = record(openapi) ?? {};
  const info = record(document.info) ?? {};
  const groups = groupByTag(document, t('otherTag'));
  const schemas = Object.entries(record(record(document.components)?.schemas) ?? {});
  return (
    <div className="space-y-8">
      <div className="max-w-3xl space-y-2 text-sm text-stone-700">
        <p>
          {t.rich('info', {
            title: text(info.title) ?? 'API',
            version: text(info.version) ?? '—',
            openapi: text(document.openapi) ?? '3.1',
            link: (chunks) => (
              <a href="/api/v1/openapi.json" className="text-blue-700 underline">
                {chunks}
              </a>
            ),
          })}
        </p>
        <details>
          <summary className="cursor-pointer font-medium text-stone-800">{t('general')}</summary>
          <Prose value={info.description} className="mt-2" lang="en" />
        </details>
      </div>

      <nav aria-label={t('contents')} className="text-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {groups.map((group) => (
            <li key={group.name}>
              <a href={`#tag-${slug(group.name)}`} className="text-blue-700 hover:underline">
                {group.name}
              </a>{' '}
              <span className="text-stone-500">({group.entries.length})</span>
            </li>
          ))}
          {schemas.length > 0 ? (
            <li>
              <a href="#schemas" className="text-blue-700 hover:underline">
                {t('schemas')}
              </a>{' '}
              <span className="text-stone-500">({schemas.length})</span>
            </li>
          ) : null}
        </ul>
      </nav>

      {groups.map((group) => (
        <section
          key={group.name}
          id={`tag-${slug(group.name)}`}
          aria-labelledby={`tag-${slug(group.name)}-title`}
        >
          <h2 id={`tag-${slug(group.name)}-title`} className="text-lg font-semibold">
            {group.name}
          </h2>
          <Prose value={group.description} className="mb-2 text-sm text-stone-600" />
          <div className="space-y-2" lang="en">
            {group.entries.map((entry) => (
              <Operation key={`${entry.method} ${entry.path}`} document={document} {...entry} />
            ))}
          </div>
        </section>
      ))}

      {schemas.length > 0 ? (
        <section id="schemas" aria-labelledby="schemas-title">
          <h2 id="schemas-title" className="mb-2 text-lg font-semibold">
            {t('schemas')}
          </h2>
          <div className="space-y-3" lang="en">
            {schemas.map(([name, value]) => (
              <section
                key={name}
                id={schemaAnchor(name)}
                aria-label={name}
                className="scroll-mt-4 rounded-lg border border-stone-200 bg-white p-3"
              >
                <h3 className="font-mono text-sm font-semibold">{name}</h3>
                <Prose value={record(value)?.description} className="text-sm text-stone-600" />
                <div className="mt-2">
                  <SchemaView schema={{ ...(record(value) ?? {}), description: undefined }} />
                </div>
              </section>
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
