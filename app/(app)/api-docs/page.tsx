// « Référence de l’API »: the /api/v1 reference for members writing scripts with their access
// tokens, behind sign-in like every page. Rendered here from the same document the API serves
// (buildOpenApiDocument), so the page and /api/v1/openapi.json never disagree.
import type { Metadata } from 'next';
import Link from 'next/link';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { getPageUser } from '@/lib/server/session';
import { OpenApiReference } from './openapi-reference';

export const metadata: Metadata = { title: 'Référence de l’API' };

export default async function ApiDocsPage() {
  await getPageUser('/api-docs');
  const serverUrl = process.env.FACTDESK_PUBLIC_URL ?? process.env.NEXTAUTH_URL ?? '/';
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Référence de l’API</h1>
      <p className="mb-6 max-w-3xl text-sm text-stone-700">
        Chaque opération de l’API FactDesk, ses paramètres et ses réponses (descriptions en anglais,
        comme le document OpenAPI). Un script s’authentifie avec un{' '}
        <Link href="/settings/tokens" className="text-blue-700 underline">
          jeton d’accès
        </Link>{' '}
        : en-tête <code className="text-xs">Authorization: Bearer …</code>.
      </p>
      <OpenApiReference document={buildOpenApiDocument(serverUrl)} />
    </>
  );
}
