// The source archive: every address a verdict of the team cites gets one snapshot, fetched by a
// background job (graphile-worker task `source_archive`, queued by queue-archives.ts in the transaction that wrote
// the sources) through the same SSRF-safe fetcher as URL import, and kept — final address,
// HTTP status, type, title, readable text, SHA-256 of the body, size, fetch time, and the body
// itself (capped), served back sandboxed (copy.ts). A source that cannot be fetched is marked
// with the reason (paywall, blocked, not_found, timeout…), never failing the verdict.
import 'server-only';
import { createHash } from 'node:crypto';
import { prisma } from '@/lib/db';
import { extractFromHtml } from '@/lib/import/extract';
import type { ArchiveReason } from '@/lib/reports/archive-reasons';
import { decodeBody, fetchPublicResource, FetchRefused } from '@/lib/server/import/fetch-url';
import { logger } from '@/lib/server/log';
import { wholeNumber } from '@/lib/server/settings';
import { touchPagesCiting } from './snapshots';

/** Largest body kept (pages and PDFs): larger ones are `too_large`, with no copy. */
export function archiveMaxBytes(): number {
  return wholeNumber('ARCHIVE_MAX_BYTES', 10 * 1024 * 1024);
}

/** Text kept per snapshot (the readable text of a long PDF is cut there). */
export const ARCHIVE_MAX_TEXT = 1_000_000;

const ARCHIVE_TIMEOUT_MS = 15_000;
const USER_AGENT = 'FactDesk/1.0 (+source archive for fact-checking)';
const ACCEPT = 'text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.1';

export type { ArchiveReason };

type Kind = 'html' | 'pdf' | 'text';

function kindOf(contentType: string | null): Kind | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'application/pdf') return 'pdf';
  if (type === 'text/plain') return 'text';
  return null;
}

/** Why a non-200 answer leaves no copy. */
export function reasonOfStatus(status: number): ArchiveReason {
  if (status === 401 || status === 402) return 'paywall';
  if (status === 403 || status === 429 || status === 451) return 'blocked';
  if (status === 404 || status === 410) return 'not_found';
  return 'http_error';
}

function reasonOfRefusal(error: FetchRefused): ArchiveReason {
  switch (error.code) {
    case 'timeout':
      return 'timeout';
    case 'too_large':
      return 'too_large';
    case 'unsupported_type':
      return 'unsupported';
    case 'forbidden_host':
    case 'invalid_url':
      return 'forbidden_host';
    default:
      return 'network';
  }
}

/** What fetching an address now gives: a copy, or why there is none. */
export type Fetched =
  | {
      ok: true;
      finalUrl: string;
      status: number;
      contentType: string | null;
      title: string | null;
      text: string;
      sha256: string;
      bytes: Buffer;
    }
  | { ok: false; reason: ArchiveReason; status: number | null };

/** The readable text (and title) of a fetched body. */
async function readable(
  kind: Kind,
  bytes: Buffer,
  contentType: string | null,
  url: string,
): Promise<{ title: string | null; text: string }> {
  if (kind === 'pdf') {
    const { extractText, getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: true });
    const info = (await pdf.getMetadata().catch(() => null))?.info as { Title?: unknown } | null;
    const title = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : null;
    return { title, text: text.slice(0, ARCHIVE_MAX_TEXT) };
  }
  const body = decodeBody(bytes, contentType, kind === 'html');
  if (kind === 'text') return { title: null, text: body.slice(0, ARCHIVE_MAX_TEXT) };
  try {
    const article = extractFromHtml(body, { url });
    return { title: article.title, text: article.text.slice(0, ARCHIVE_MAX_TEXT) };
  } catch {
    // No readable article (an index page, an empty shell): the copy is kept all the same.
    return { title: null, text: '' };
  }
}

/** Fetches `url` as the archive and the link check do (SSRF-safe, time and size capped). */
export async function fetchForArchive(url: string): Promise<Fetched> {
  try {
    const response = await fetchPublicResource(url, {
      accept: ACCEPT,
      acceptsBody: (type) => kindOf(type) !== null,
      maxBytes: archiveMaxBytes(),
      timeoutMs: ARCHIVE_TIMEOUT_MS,
      userAgent: USER_AGENT,
    });
    if (response.status !== 200 || response.bytes === null) {
      return { ok: false, reason: reasonOfStatus(response.status), status: response.status };
    }
    const kind = kindOf(response.contentType)!;
    const { title, text } = await readable(kind, response.bytes, response.contentType, url);
    return {
      ok: true,
      finalUrl: response.finalUrl,
      status: response.status,
      contentType: response.contentType,
      title,
      text,
      sha256: createHash('sha256').update(response.bytes).digest('hex'),
      bytes: response.bytes,
    };
  } catch (error) {
    if (error instanceof FetchRefused) {
      return { ok: false, reason: reasonOfRefusal(error), status: null };
    }
    throw error;
  }
}

/** The worker's task: fetch the snapshot's address and record what came back. */
export async function runSourceArchive(snapshotId: string): Promise<void> {
  const snapshot = await prisma.sourceSnapshot.findUnique({
    where: { id: snapshotId },
    select: { id: true, url: true, status: true },
  });
  // Gone with its team, or already done by an earlier attempt.
  if (!snapshot || snapshot.status !== 'pending') return;
  const fetched = await fetchForArchive(snapshot.url);
  const now = new Date();
  if (!fetched.ok) {
    await prisma.sourceSnapshot.update({
      where: { id: snapshot.id },
      data: {
        status: 'unavailable',
        reason: fetched.reason,
        httpStatus: fetched.status,
        fetchedAt: now,
      },
    });
    await touchPagesCiting(snapshot.id);
    logger.info({ snapshotId, reason: fetched.reason }, 'source not archived');
    return;
  }
  await prisma.sourceSnapshot.update({
    where: { id: snapshot.id },
    data: {
      status: 'archived',
      reason: null,
      finalUrl: fetched.finalUrl,
      httpStatus: fetched.status,
      contentType: fetched.contentType,
      title: fetched.title,
      text: fetched.text,
      sha256: fetched.sha256,
      size: fetched.bytes.byteLength,
      body: new Uint8Array(fetched.bytes),
      fetchedAt: now,
    },
  });
  await touchPagesCiting(snapshot.id);
}
