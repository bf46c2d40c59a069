// Keeps claim matching's index (claim_index) in step with the published verdicts: a verdict
// approved or settled writes its claim there — the summary the fact-checker gave, else the
// sentence — with the features matching compares (lib/matching/features.ts), in the same
// transaction. Indexes written before the index existed are filled at start (backfill).
import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import { claimFeatures } from '@/lib/matching/features';
import { claimFields } from '@/lib/reports/claim-fields';

/** The claim of the published verdict of `sentenceId`, (re)indexed; removed when there is none. */
export async function indexPublishedClaim(tx: Tx, sentenceId: string): Promise<void> {
  const row = await tx.sentence.findUnique({
    where: { id: sentenceId },
    select: {
      text: true,
      article: { select: { teamId: true, language: true } },
      published: { select: { claim: true } },
    },
  });
  if (!row?.published) {
    await tx.claimIndex.deleteMany({ where: { sentenceId } });
    return;
  }
  const text = claimFields(row.published.claim).summary ?? row.text;
  const features = claimFeatures(text);
  const data = {
    teamId: row.article.teamId,
    text,
    language: row.article.language,
    figures: features.figures,
    years: features.years,
    entities: features.entities,
    negated: features.negated,
    indexedAt: new Date(),
  };
  await tx.claimIndex.upsert({
    where: { sentenceId },
    create: { sentenceId, ...data },
    update: data,
  });
}

/** Indexes every published verdict the index lacks (run at start; cheap when none). */
export async function backfillClaimIndex(): Promise<number> {
  const missing = await prisma.$queryRaw<{ sentence_id: string }[]>`
    SELECT p.sentence_id
      FROM published_verdicts p
      LEFT JOIN claim_index c ON c.sentence_id = p.sentence_id
     WHERE c.sentence_id IS NULL`;
  for (const { sentence_id } of missing) {
    await prisma.$transaction((tx) => indexPublishedClaim(tx, sentence_id));
  }
  return missing.length;
}
