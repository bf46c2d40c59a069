// Runs at every `npm start` after the migrations: data upkeep (scoring units that predate
// claim triage, indexing approved verdicts for claim matching, forgetting day-old idempotency keys, expired rate-limit windows, ended sessions and
// long-unused known sign-in addresses), then the demo data into an empty database unless SEED_DEMO=0.
// Also `npm run db:seed`.
import { withDatabase } from './lib/database-url';

withDatabase(async (url) => {
  process.env.DATABASE_URL = url;
  const { backfillTriage } = await import('../lib/server/articles/backfill-triage');
  const scored = await backfillTriage();
  if (scored > 0) console.log(`Check-worthiness computed for ${scored} existing units.`);
  const { forgetOldIdempotencyKeys } = await import('../lib/server/idempotency');
  const { forgetExpiredLimits } = await import('../lib/server/rate-limit');
  const { forgetEndedSessions } = await import('../lib/server/auth/forget-ended-sessions');
  const { forgetOldKnownSignIns } = await import('../lib/server/auth/credentials-limits');
  await Promise.all([
    forgetOldIdempotencyKeys(),
    forgetExpiredLimits(),
    forgetEndedSessions(),
    forgetOldKnownSignIns(),
  ]);
  if (process.env.SEED_DEMO !== '0') {
    const { seedDemo } = await import('../lib/server/seed/seed-demo');
    const { seeded } = await seedDemo();
    console.log(seeded ? 'Demo data created.' : 'Database not empty: demo data skipped.');
  }
  // Approved verdicts that claim matching's index lacks (written before it existed, or seeded).
  const { backfillClaimIndex } = await import('../lib/server/matching/index-claims');
  const indexed = await backfillClaimIndex();
  if (indexed > 0) console.log(`Claim-matching index filled for ${indexed} approved verdicts.`);
  const { prisma } = await import('../lib/db');
  await prisma.$disconnect();
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
