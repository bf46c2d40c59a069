// Why a cited source has no archived copy (lib/server/sources/archive.ts records one of these):
// one list for the archive, the reports' wording and the panel's. Pure.
export const ARCHIVE_REASONS = [
  'paywall',
  'blocked',
  'not_found',
  'http_error',
  'timeout',
  'too_large',
  'unsupported',
  'forbidden_host',
  'network',
] as const;
export type ArchiveReason = (typeof ARCHIVE_REASONS)[number];

export function isArchiveReason(value: string | null | undefined): value is ArchiveReason {
  return (ARCHIVE_REASONS as readonly (string | null | undefined)[]).includes(value);
}
