// `npm run db:seed`: demo data into an empty database (see lib/server/seed/seed-demo.ts).
import { withDatabase } from './lib/database-url';

withDatabase(async (url) => {
  process.env.DATABASE_URL = url;
  const { seedDemo } = await import('../lib/server/seed/seed-demo');
  const { seeded } = await seedDemo();
  console.log(seeded ? 'Demo data created.' : 'Database not empty: demo data skipped.');
  const { prisma } = await import('../lib/db');
  await prisma.$disconnect();
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
