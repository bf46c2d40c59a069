import type { Metadata } from 'next';
import Link from 'next/link';
import { TokensManager } from '@/components/settings/tokens-manager';
import { getPageUser } from '@/lib/server/session';
import { listTokens } from '@/lib/server/tokens/list-tokens';

export const metadata: Metadata = { title: 'Jetons d’accès' };

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});

export default async function TokensPage() {
  const user = await getPageUser('/settings/tokens');
  const tokens = await listTokens({ userId: user.id });
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Jetons d’accès</h1>
      <p className="mb-6 max-w-3xl text-sm text-stone-700">
        Un jeton d’accès personnel permet à un script d’utiliser l’API FactDesk en votre nom :
        envoyez-le dans l’en-tête <code className="text-xs">Authorization: Bearer …</code>, il a
        exactement vos droits dans vos rédactions. Il expire au bout de la durée choisie à sa
        création (un an au plus) ; un jeton expiré ne donne plus accès à rien. Les opérations
        possibles sont décrites dans la{' '}
        <Link href="/api-docs" className="text-blue-700 underline">
          Référence de l’API
        </Link>
        .
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
