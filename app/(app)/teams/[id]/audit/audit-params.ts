// The journal page's URL: its query parameters read one by one with the API's schema (an
// invalid filter is reported and left out instead of failing the page; an invalid cursor means
// the first page), and written back into links (pages, sign-in return) with the filters kept.
import { auditQuerySchema } from '@/lib/validations/audit';

export const AUDIT_FIELDS = ['before', 'member', 'action'] as const;
export type AuditField = (typeof AUDIT_FIELDS)[number];

/** Valid values as given in the URL; listTeamAudit parses them again. */
export type AuditPageQuery = Partial<Record<AuditField, string>>;

export function readAuditQuery(params: Record<string, string | string[] | undefined>): {
  query: AuditPageQuery;
  /** The filters given but refused (a cursor refused just means the first page). */
  invalid: Exclude<AuditField, 'before'>[];
} {
  const query: AuditPageQuery = {};
  const invalid: Exclude<AuditField, 'before'>[] = [];
  for (const field of AUDIT_FIELDS) {
    const value = params[field];
    if (value === undefined) continue;
    const parsed = auditQuerySchema.shape[field].safeParse(value);
    if (parsed.success) {
      if (parsed.data !== undefined && typeof value === 'string') query[field] = value;
    } else if (field !== 'before') {
      invalid.push(field);
    }
  }
  return { query, invalid };
}

/** `/teams/{id}/audit?…` with these parameters, empty ones left out. */
export function auditHref(teamId: string, query: AuditPageQuery): string {
  const params = new URLSearchParams();
  for (const field of ['member', 'action', 'before'] as const) {
    const value = query[field];
    if (value) params.set(field, value);
  }
  const search = params.toString();
  return `/teams/${teamId}/audit${search ? `?${search}` : ''}`;
}
