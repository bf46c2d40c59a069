import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { TokensManager } from '@/components/settings/tokens-manager';
import { getPageUser } from '@/lib/server/session';
import { listTokens } from '@/lib/server/tokens/list-tokens';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings.tokens');
  return { title: t('metaTitle') };
}

export default async function TokensPage() {
  const user = await getPageUser('/settings/tokens');
  const tokens = await listTokens({ userId: user.id });
  const t = await getTranslations('settings.tokens');
  const format = await getFormatter();
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">{t('title')}</h1>
      <p className="mb-6 max-w-3xl text-sm text-stone-700">
        {t.rich('intro', {
          header: 'Authorization: Bearer …',
          code: (chunks) => <code className="text-xs">{chunks}</code>,
          link: (chunks) => (
            <Link href="/api-docs" className="text-blue-700 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <TokensManager
        tokens={tokens.map((token) => ({
          ...token,
          createdLabel: format.dateTime(new Date(token.createdAt), 'dateTime'),
          lastUsedLabel: token.lastUsedAt
            ? format.dateTime(new Date(token.lastUsedAt), 'dateTime')
            : null,
          expiresLabel: format.dateTime(new Date(token.expiresAt), 'dateTime'),
        }))}
      />
    </>
  );
}
