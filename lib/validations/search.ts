import { z } from 'zod';
import { RATINGS } from '@/lib/reports/verdict-scale';
import { SENTENCE_STATES } from '@/lib/workflow/sentence-state';
import { isoDateSchema } from './common';

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const searchQuerySchema = z.object({
  q: z.string().trim().max(500, { message: '500 caractères au plus.' }).default(''),
  teamId: optional(z.uuid()),
  /** The published verdict's rating. */
  rating: optional(z.enum(RATINGS, { message: 'Verdict inconnu.' })),
  state: optional(z.enum(SENTENCE_STATES, { message: 'État inconnu.' })),
  /** A member who submitted a verdict on the sentence. */
  reviewer: optional(z.uuid()),
  /** Article date (publication, else import) from / to, inclusive. */
  from: optional(isoDateSchema),
  to: optional(isoDateSchema),
  page: optional(z.coerce.number().int().min(1).max(100)),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;
