// The one Prisma client of the app (Rust-free client over the pg driver adapter), cached on
// globalThis so hot reloads and route bundles share one connection pool.
//
// The client is created on first use, not on import: `next build` imports every route while
// collecting page data, and the build must not need a database (npm start builds before the
// embedded PostgreSQL is necessarily up, and CI builds without one).
import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';

const globalForPrisma = globalThis as unknown as { factdeskPrisma?: PrismaClient };

function getClient(): PrismaClient {
  if (!globalForPrisma.factdeskPrisma) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error('DATABASE_URL is not set (npm start sets it for you).');
    globalForPrisma.factdeskPrisma = new PrismaClient({
      // A database that does not answer must not hang requests: give up connecting after 3 s
      // (the API then answers 503 database_unavailable within 5 s).
      adapter: new PrismaPg({ connectionString, connectionTimeoutMillis: 3000 }),
      // Writes to one sentence queue on its row lock; under a burst (many reviewers at once)
      // a transaction may wait for a pooled connection longer than Prisma's 2 s default.
      transactionOptions: { maxWait: 10_000, timeout: 15_000 },
    });
  }
  return globalForPrisma.factdeskPrisma;
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getClient();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
