// « Référence de l’API »: the /api/v1 reference for members writing scripts with their access
// tokens, behind sign-in like every page. Rendered here from the same document the API serves
// (buildOpenApiDocument), so the page and /api/v1/openapi.json never disagree.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { getPageUser } from '@/lib/server/session';
import { OpenApiReference } from './openapi-reference';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings.apiDocs');
  return { title: t('metaTitle') };
}

export default async function ApiDocsPage() {
  await getPageUser('/api-docs');
  const serverUrl = process.env.FACTDESK_PUBLIC_URL ?? process.env.NEXTAUTH_URL ?? '/';
  const t = await getTranslations('settings.apiDocs');
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">{t('title')}</h1>
      <p className="mb-6 max-w-3xl text-sm text-stone-700">
        {t.rich('intro', {
          header: 'Authorization: Bearer …',
          code: (chunks) => <code className="text-xs">{chunks}</code>,
          link: (chunks) => (
            <Link href="/settings/tokens" className="text-blue-700 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <OpenApiReference document={buildOpenApiDocument(serverUrl)} />
    </>
  );
}
