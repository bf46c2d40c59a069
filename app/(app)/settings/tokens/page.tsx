import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { TokensManager } from '@/components/settings/tokens-manager';
import { getPageUser } from '@/lib/server/session';
import { listTokens } from '@/lib/server/tokens/list-tokens';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings.tokens');
  return { title: t('metaTitle') };
}

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});

export default async function TokensPage() {
  const user = await getPageUser('/settings/tokens');
  const tokens = await listTokens({ userId: user.id });
  const t = await getTranslations('settings.tokens');
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
          createdLabel: DATE_TIME.format(new Date(token.createdAt)),
          lastUsedLabel: token.lastUsedAt ? DATE_TIME.format(new Date(token.lastUsedAt)) : null,
          expiresLabel: DATE_TIME.format(new Date(token.expiresAt)),
        }))}
      />
    </>
  );
}
