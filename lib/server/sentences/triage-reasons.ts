// A unit's stored claim-triage reasons (a text[] column) as the API types them: only the
// reasons lib/text/triage.ts knows, in its order — a value it no longer lists is left out
// rather than sent in a body its schema (triageReasonDto) would refuse.
import 'server-only';
import { TRIAGE_REASONS, type TriageReason } from '@/lib/text';

const KNOWN: ReadonlySet<string> = new Set(TRIAGE_REASONS);

function isTriageReason(value: string): value is TriageReason {
  return KNOWN.has(value);
}

export function storedTriageReasons(stored: readonly string[] | null): TriageReason[] {
  return (stored ?? []).filter(isTriageReason);
}
