import 'server-only';

// Fetching a page to import: owns the network side of "import from a URL" and its guard against
// server-side request forgery. Only http(s) to public addresses: every address a host name
// resolves to is checked when the socket connects (the lookup undici's Agent uses), so DNS
// rebinding between a check and the connection cannot slip a private address through; literal
// IP hosts, which never reach a lookup, are checked before any connection. Redirects are
// followed here, one request at a time, so every hop goes through the same checks.

import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';
import { Agent, request } from 'undici';
import { errorText, importText, type ImportText } from '@/lib/i18n/error-text';
import {
  mediaTypeOf,
  parseMediaType,
  SOURCE_ACCEPT_HEADER,
  sourceFormatOf,
  unsupportedTypeText,
} from '@/lib/import/media-type';

export interface FetchedSource {
  body: string;
  /** The canonical media type of what the page is read as (application/xhtml+xml → text/html). */
  contentType: string;
  finalUrl: string;
}

export interface FetchArticleOptions {
  /** Allow loopback/private/link-local… hosts. Default: IMPORT_ALLOW_PRIVATE_HOSTS === '1'. */
  allowPrivateHosts?: boolean;
  /** For the whole exchange, redirects and body included. Default 10 s. */
  timeoutMs?: number;
  /** Largest body accepted. Default 5 MB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
}

export type FetchRefusedCode =
  | 'invalid_url'
  | 'forbidden_host'
  | 'timeout'
  | 'too_large'
  | 'bad_status'
  | 'unsupported_type'
  | 'too_many_redirects'
  | 'network';

/** A refused fetch: its code and its message's key (`errors.import.*`); `message` is French. */
export class FetchRefused extends Error {
  constructor(
    readonly code: FetchRefusedCode,
    readonly text: ImportText,
  ) {
    super(errorText('fr', importText(text)));
    this.name = 'FetchRefused';
  }
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;

const USER_AGENT = 'FactDesk/1.0 (+fact-checking import)';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const FORBIDDEN_HOST_MESSAGE: ImportText = { key: 'forbiddenHost' };

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

export async function fetchArticleSource(
  url: string,
  options: FetchArticleOptions = {},
): Promise<FetchedSource> {
  const fetched = await fetchPublicResource(url, {
    ...options,
    accept: SOURCE_ACCEPT_HEADER,
    // Refused before the body is read: a PDF or a video is not downloaded only to be dropped.
    acceptsBody: (header) => sourceFormatOf(header) !== null,
  });
  if (fetched.status !== 200 || fetched.bytes === null) {
    throw new FetchRefused('bad_status', { key: 'badStatus', values: { status: fetched.status } });
  }
  const format = sourceFormatOf(fetched.contentType)!;
  const charset = detectCharset(
    fetched.bytes,
    parseMediaType(fetched.contentType).charset,
    format === 'html',
  );
  return {
    body: decode(fetched.bytes, charset),
    contentType: mediaTypeOf(format),
    finalUrl: fetched.finalUrl,
  };
}

/** What a guarded fetch got: the last hop's status and, for a 200 of an accepted type, its body. */
export interface FetchedResource {
  status: number;
  /** The Content-Type header as sent (null when absent). */
  contentType: string | null;
  finalUrl: string;
  /** The body, for a 200 only (null otherwise: it was not read). */
  bytes: Buffer | null;
}

export interface FetchResourceOptions extends FetchArticleOptions {
  /** The Accept header. */
  accept: string;
  /** Whether a 200's body of this Content-Type is read; otherwise unsupported_type. */
  acceptsBody: (contentType: string | null) => boolean;
  /** Sent as the User-Agent (default: FactDesk's import agent). */
  userAgent?: string;
}

/**
 * A GET through the SSRF guard (public addresses only, each redirect checked, time and size
 * capped): the status of the last hop, and the body of a 200 whose type `acceptsBody` takes.
 * Network failures, refused hosts, timeouts and oversized bodies throw FetchRefused.
 */
export async function fetchPublicResource(
  url: string,
  options: FetchResourceOptions,
): Promise<FetchedResource> {
  const allowPrivateHosts =
    options.allowPrivateHosts ?? process.env.IMPORT_ALLOW_PRIVATE_HOSTS === '1';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;

  let current = checkedUrl(url, allowPrivateHosts);
  const signal = AbortSignal.timeout(timeoutMs);
  const agent = new Agent({
    connect: { lookup: createGuardedLookup(allowPrivateHosts), timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });

  try {
    for (let redirects = 0; ; redirects++) {
      const response = await request(current, {
        method: 'GET',
        dispatcher: agent,
        signal,
        headers: { 'user-agent': options.userAgent ?? USER_AGENT, accept: options.accept },
      });
      const { statusCode, headers, body } = response;

      if (REDIRECT_STATUSES.has(statusCode) && headerValue(headers.location)) {
        await body.dump();
        if (redirects >= maxRedirects) {
          throw new FetchRefused('too_many_redirects', {
            key: 'tooManyRedirects',
            values: { max: maxRedirects },
          });
        }
        current = checkedUrl(headerValue(headers.location)!, allowPrivateHosts, current);
        continue;
      }
      const header = headerValue(headers['content-type']) ?? null;
      if (statusCode !== 200) {
        await body.dump();
        return { status: statusCode, contentType: header, finalUrl: current.href, bytes: null };
      }
      if (!options.acceptsBody(header)) {
        await body.dump();
        throw new FetchRefused('unsupported_type', unsupportedTypeText(header ?? ''));
      }
      const declaredLength = Number(headerValue(headers['content-length']));
      if (declaredLength > maxBytes) {
        body.destroy();
        throw tooLarge(maxBytes);
      }
      const bytes = await readBody(body, maxBytes);
      return { status: statusCode, contentType: header, finalUrl: current.href, bytes };
    }
  } catch (error) {
    throw toFetchRefused(error, signal, timeoutMs);
  } finally {
    await agent.destroy().catch(() => undefined);
  }
}

/** The text of fetched bytes, in the charset the response or (HTML) the page declares. */
export function decodeBody(bytes: Buffer, contentType: string | null, isHtml: boolean): string {
  return decode(bytes, detectCharset(bytes, parseMediaType(contentType).charset, isHtml));
}

/**
 * True only for addresses anyone on the Internet can reach: IPv4 "unicast" in ipaddr.js terms
 * (not loopback, private, link-local, carrier-grade NAT, multicast, broadcast, reserved…) and
 * IPv6 global unicast (2000::/3, minus its special ranges). IPv4-mapped IPv6 is judged as the
 * IPv4 address it carries.
 */
export function isPublicAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  const address = ipaddr.process(ip);
  if (address.range() !== 'unicast') return false;
  if (address.kind() === 'ipv6') {
    return address.match(ipaddr.parseCIDR('2000::/3'));
  }
  return true;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for net/tls.connect that refuses host names resolving to any non-public address.
 * It runs when the socket connects, on the very addresses it will connect to.
 */
export function createGuardedLookup(allowPrivateHosts: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, '');
        return;
      }
      const list = addresses as LookupAddress[];
      const refused = allowPrivateHosts
        ? undefined
        : list.find((entry) => !isPublicAddress(entry.address));
      if (refused || list.length === 0) {
        callback(new ForbiddenAddressError(hostname, refused?.address ?? ''), '');
        return;
      }
      if (options.all) callback(null, list);
      else callback(null, list[0].address, list[0].family);
    });
  };
}

// ---------------------------------------------------------------------------------------------
// URLs and hosts
// ---------------------------------------------------------------------------------------------

/** Raised inside the lookup; turned into FetchRefused('forbidden_host'). */
class ForbiddenAddressError extends Error {
  readonly code = 'EFORBIDDENADDRESS';

  constructor(hostname: string, address: string) {
    super(`${hostname} resolves to non-public address ${address}`);
    this.name = 'ForbiddenAddressError';
  }
}

/** Parses and checks a URL (or a redirect's Location against the current URL). */
function checkedUrl(value: string, allowPrivateHosts: boolean, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(value.trim(), base);
  } catch {
    throw new FetchRefused('invalid_url', { key: 'invalidUrl' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchRefused('invalid_url', { key: 'httpOnly' });
  }
  if (!url.hostname) throw new FetchRefused('invalid_url', { key: 'invalidUrl' });
  if (url.username || url.password) {
    throw new FetchRefused('invalid_url', { key: 'credentialsInUrl' });
  }
  // An IP literal never goes through the lookup: check it now, before any connection.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivateHosts && ipaddr.isValid(host) && !isPublicAddress(host)) {
    throw new FetchRefused('forbidden_host', FORBIDDEN_HOST_MESSAGE);
  }
  url.hash = '';
  return url;
}

// ---------------------------------------------------------------------------------------------
// Response
// ---------------------------------------------------------------------------------------------

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(body: AsyncIterable<Buffer> & { destroy(): unknown }, maxBytes: number) {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.length;
    if (total > maxBytes) {
      body.destroy();
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): FetchRefused {
  const values =
    maxBytes >= 1024 * 1024
      ? { size: Math.round((maxBytes / (1024 * 1024)) * 10) / 10, unit: 'mb' }
      : { size: Math.ceil(maxBytes / 1024), unit: 'kb' };
  return new FetchRefused('too_large', { key: 'pageTooLarge', values });
}

/**
 * Byte-order mark first, then the Content-Type charset, then (HTML only) a <meta charset> in
 * the first kilobyte, as browsers do; UTF-8 otherwise.
 */
function detectCharset(bytes: Buffer, declared: string | null, isHtml: boolean): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (declared) return declared;
  if (isHtml) {
    const head = bytes.subarray(0, 1024).toString('latin1');
    const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
    if (meta) return meta[1];
  }
  return 'utf-8';
}

function decode(bytes: Buffer, charset: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8'); // unknown label
  }
  return decoder.decode(bytes);
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

function toFetchRefused(error: unknown, signal: AbortSignal, timeoutMs: number): FetchRefused {
  if (error instanceof FetchRefused) return error;
  if (hasCause(error, (cause) => cause instanceof ForbiddenAddressError)) {
    return new FetchRefused('forbidden_host', FORBIDDEN_HOST_MESSAGE);
  }
  const timeoutCodes = new Set([
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
  ]);
  if (
    signal.aborted ||
    hasCause(error, (cause) => timeoutCodes.has(errorCode(cause)) || isTimeoutAbort(cause))
  ) {
    return new FetchRefused('timeout', {
      key: 'timeout',
      values: { seconds: Math.round(timeoutMs / 100) / 10 },
    });
  }
  if (hasCause(error, (cause) => ['ENOTFOUND', 'EAI_AGAIN'].includes(errorCode(cause)))) {
    return new FetchRefused('network', { key: 'unknownDomain' });
  }
  if (hasCause(error, (cause) => errorCode(cause) === 'ECONNREFUSED')) {
    return new FetchRefused('network', { key: 'connectionRefused' });
  }
  return new FetchRefused('network', { key: 'unreachable' });
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function isTimeoutAbort(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'TimeoutError';
}

/** Looks through `cause` chains (and AggregateError lists, as happy-eyeballs connects raise). */
function hasCause(error: unknown, test: (error: unknown) => boolean, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  if (test(error)) return true;
  if (
    error instanceof AggregateError &&
    error.errors.some((item) => hasCause(item, test, depth + 1))
  ) {
    return true;
  }
  return hasCause((error as { cause?: unknown }).cause, test, depth + 1);
}
