// Scores the units that have no check-worthiness yet (articles imported before triage existed:
// the migration leaves their reasons NULL). Run at start; cheap when there is nothing to do.
import 'server-only';
import { prisma } from '@/lib/db';
import { triageUnit, type UnitKind } from '@/lib/text';

export async function backfillTriage(): Promise<number> {
  const rows = await prisma.$queryRaw<
    { id: string; kind: UnitKind; text: string; language: string }[]
  >`
    SELECT s.id, s.kind::text AS kind, s.text, a.language
      FROM sentences s JOIN articles a ON a.id = s.article_id
     WHERE s.checkworthiness_reasons IS NULL`;
  for (const row of rows) {
    const triage = triageUnit(row, row.language);
    await prisma.sentence.update({
      where: { id: row.id },
      data: { checkworthiness: triage.score, checkworthinessReasons: triage.reasons },
    });
  }
  return rows.length;
}
