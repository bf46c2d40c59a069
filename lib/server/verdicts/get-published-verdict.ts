// The sentence's published (final) verdict as the API shows it, or null.
import 'server-only';
import { prisma } from '@/lib/db';
import { articleOfMember } from '@/lib/server/access';
import { notFound } from '@/lib/server/errors';
import { publishedSelect, serializePublished, type PublishedVerdictDto } from './serialize';

export async function getPublishedVerdict(options: {
  userId: string;
  sentenceId: string;
}): Promise<PublishedVerdictDto | null> {
  const sentence = await prisma.sentence.findFirst({
    where: { id: options.sentenceId, article: articleOfMember(options.userId) },
    select: { published: { select: publishedSelect } },
  });
  if (!sentence) throw notFound('sentence');
  return sentence.published ? serializePublished(sentence.published) : null;
}
