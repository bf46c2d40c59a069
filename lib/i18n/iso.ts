// Machine-readable instants in a reader's zone (ISO 8601 with its offset), for CSV and exports,
// and FactDesk's default zone. Pure and without next-intl: the report writers import it, also
// under the react-server condition, where next-intl's root pulls in its client provider.

/** Dates of an account that chose no zone are shown in Paris time. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

const OFFSET_PARTS = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = OFFSET_PARTS.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    if (OFFSET_PARTS.size > 200) OFFSET_PARTS.clear();
    OFFSET_PARTS.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * ISO 8601 with the zone's offset at that instant: `2026-12-02T09:05:00-05:00` for
 * America/Montreal, with the milliseconds when there are some (`09:05:00.141-05:00`). The same
 * instant as `toISOString()`, written as the reader's clock reads.
 */
export function isoInZone(value: Date | string, timeZone: string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  const parts: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(date)) parts[part.type] = part.value;
  const local = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const offsetMinutes = Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset =
    abs === 0
      ? 'Z'
      : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  const ms = ((date.getTime() % 1000) + 1000) % 1000;
  const fraction = ms === 0 ? '' : `.${String(ms).padStart(3, '0')}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${fraction}${offset}`;
}
