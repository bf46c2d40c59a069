// CSV report: one row per verified claim, for desks that track fact-checks in a spreadsheet.
// Two choices matter here:
// - The output starts with a UTF-8 byte order mark. Excel (Windows and macOS) reads a BOM-less
//   CSV in the system's legacy code page, which mangles French accents ("vÃ©rifiÃ©"); with the BOM
//   it reads UTF-8. LibreOffice, Google Sheets and csv parsers ignore or strip it.
// - Cells are protected against CSV/formula injection (OWASP "CSV Injection", ASVS 1.2.10): user
//   text such as `=HYPERLINK(...)` must be shown, not evaluated, when the file is opened.
// Dates: `reviewed_at` is when the `reviewer` (the verdict's author) submitted the verdict for
// review, `approved_at` when the `approver` approved it (published it). Until issue 12 the first
// held the verdict's last write, i.e. the approval time again; the column keeps its name and
// place so existing spreadsheets still read it, and no `submitted_at` twin is added (two columns
// with one value would only raise the question of which to use). For an editor's resolution,
// written and published at once, both are the same time. `settled_by_party` says that a party
// to the dispute settled it (the team allowed it).
import { isoInZone } from '@/lib/i18n/iso';
import { stringify } from 'csv-stringify/sync';
import type { ReportClaim, ReportData, ReportHead } from './types';
import { ratingLabel } from './verdict-scale';
import { writeAll, type ChunkWriter, type ReportWriter } from './writer';

export const CSV_COLUMNS = [
  'sentence_number',
  'sentence',
  'rating',
  'rating_label',
  'rationale',
  'reviewer',
  'reviewed_at',
  'approver',
  'approved_at',
  'resolution',
  'settled_by_party',
  'source_urls',
  'source_titles',
  'article_title',
  'article_url',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Separator of the multi-valued cells (source_urls, source_titles). */
export const CSV_LIST_SEPARATOR = ' | ';

/** Value of a true boolean cell (resolution, settled_by_party); false is an empty cell. */
export const CSV_YES = 'yes';

// First characters a spreadsheet may read as the start of a formula (OWASP list, plus NUL from
// ASVS and the full-width variants that Apple Numbers normalises to their ASCII forms).
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\0', '＝', '＋', '－', '＠']);

/**
 * Prefixes a cell that could be read as a formula with an apostrophe, which spreadsheets treat
 * as "this is text". It alters such values (a rationale starting with "-5 %" becomes "'-5 %"),
 * the accepted cost of never executing user text on a colleague's machine.
 */
export function neutralizeCsvCell(value: string): string {
  return value.length > 0 && FORMULA_START.has(value[0]) ? `'${value}` : value;
}

/** One claim as a CSV record (cells already neutralised), keyed by column. */
export function csvRecord(
  claim: ReportClaim,
  data: Pick<ReportData, 'article' | 'publicationLanguage' | 'timeZone'>,
): Record<CsvColumn, string | number> {
  const text = neutralizeCsvCell;
  // ISO 8601 with the requester's offset (2026-03-02T09:15:00-05:00), the same instant.
  const instant = (iso: string) => (data.timeZone ? isoInZone(iso, data.timeZone) : iso);
  return {
    sentence_number: claim.index + 1,
    sentence: text(claim.text),
    rating: claim.rating,
    rating_label: ratingLabel(claim.rating, data.publicationLanguage ?? data.article.language),
    rationale: text(claim.rationale),
    reviewer: text(claim.reviewer.name),
    reviewed_at: text(instant(claim.reviewedAt)),
    // Empty when the approver is unknown (deleted account).
    approver: text(claim.approver?.name ?? ''),
    approved_at: text(instant(claim.approvedAt)),
    resolution: claim.resolution ? CSV_YES : '',
    settled_by_party: claim.settledByParty ? CSV_YES : '',
    source_urls: text(claim.sources.map((source) => source.url).join(CSV_LIST_SEPARATOR)),
    // A source without a title is listed by its URL so both lists stay aligned item by item.
    source_titles: text(
      claim.sources.map((source) => source.title?.trim() || source.url).join(CSV_LIST_SEPARATOR),
    ),
    article_title: text(data.article.title),
    article_url: text(data.article.sourceUrl ?? ''),
  };
}

const CSV_OPTIONS = {
  // RFC 4180 record separator; what Excel writes itself.
  record_delimiter: 'windows',
  // csv-stringify stops quoting fields with a bare LF/CR once record_delimiter is set;
  // multi-line rationales must stay in one cell.
  quote_record_delimiter: true,
  // OWASP's mitigation also quotes every cell, so no cell boundary depends on the content.
  quoted: true,
} as const;

/**
 * Writes records as CSV piece by piece: the BOM and the header row of `columns` first, then each
 * record as its own CRLF-terminated line. Cells must already be neutralised (see csvRecord).
 */
export function csvWriter<C extends string, T>(
  columns: readonly C[],
  record: (item: T) => Record<C, string | number>,
): ChunkWriter<T> {
  return {
    start: () => stringify([], { ...CSV_OPTIONS, header: true, columns: [...columns], bom: true }),
    item: (item) => stringify([record(item)], { ...CSV_OPTIONS, columns: [...columns] }),
    end: () => '',
  };
}

/**
 * Writes records as CSV: UTF-8 with BOM, CRLF line endings, every non-empty cell quoted, one
 * header row of `columns`. Cells must already be neutralised (see csvRecord).
 */
export function stringifyCsv<C extends string>(
  records: Record<C, string | number>[],
  columns: readonly C[],
): string {
  return writeAll(
    csvWriter(columns, (record: Record<C, string | number>) => record),
    records,
  );
}

/** The CSV report written claim by claim (see toCsv). */
export function reportCsvWriter(head: ReportHead): ReportWriter {
  return csvWriter(CSV_COLUMNS, (claim: ReportClaim) => csvRecord(claim, head));
}

/** Renders the report as CSV (UTF-8 with BOM, CRLF line endings, every non-empty cell quoted). */
export function toCsv(data: ReportData): string {
  return writeAll(
    csvWriter(CSV_COLUMNS, (claim: ReportClaim) => csvRecord(claim, data)),
    data.claims,
  );
}
