import type { Metadata } from 'next';
import Link from 'next/link';
import { ImportForm } from '@/components/import/import-form';
import { can } from '@/lib/permissions';
import { getPageUser } from '@/lib/server/session';
import { listTeams } from '@/lib/server/teams/list-teams';

export const metadata: Metadata = { title: 'Importer un article' };

export default async function NewArticlePage() {
  const user = await getPageUser('/articles/new');
  const teams = (await listTeams({ userId: user.id })).filter((team) =>
    can(team.role, 'article.create'),
  );

  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Importer un article</h1>
      {teams.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">
          Seul·es les éditeur·rices et les propriétaires d’une rédaction peuvent y importer des
          articles, et vous n’avez ce rôle dans aucune. Demandez-le à un·e propriétaire de votre
          rédaction, ou{' '}
          <Link href="/teams" className="text-blue-700 underline">
            créez votre propre rédaction
          </Link>
          .
        </p>
      ) : (
        <>
          <p className="mb-6 text-sm text-stone-600">
            Collez le texte, choisissez un fichier ou donnez l’adresse de la page : l’article est
            découpé en phrases, prêtes à être vérifiées.
          </p>
          <div className="max-w-3xl">
            <ImportForm teams={teams.map((team) => ({ id: team.id, name: team.name }))} />
          </div>
        </>
      )}
    </>
  );
}
