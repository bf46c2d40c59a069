// Stored verdict → API shape.
import 'server-only';

export const verdictSelect = {
  id: true,
  rating: true,
  rationale: true,
  version: true,
  updatedAt: true,
  author: { select: { id: true, name: true } },
  sources: {
    orderBy: { position: 'asc' },
    select: { url: true, title: true, publisher: true, publishedAt: true, excerpt: true },
  },
} as const;

export interface VerdictRow {
  id: string;
  rating: string;
  rationale: string;
  version: number;
  updatedAt: Date;
  author: { id: string; name: string };
  sources: {
    url: string;
    title: string | null;
    publisher: string | null;
    publishedAt: Date | null;
    excerpt: string | null;
  }[];
}

export function serializeVerdict(row: VerdictRow) {
  return {
    id: row.id,
    author: row.author,
    rating: row.rating as import('@/lib/reports').Rating,
    rationale: row.rationale,
    sources: row.sources.map((source) => ({
      ...source,
      publishedAt: source.publishedAt ? source.publishedAt.toISOString().slice(0, 10) : null,
    })),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type VerdictDto = ReturnType<typeof serializeVerdict>;
