import type { Metadata } from 'next';
import { DeleteAccountForm } from '@/components/settings/delete-account-form';
import { getPageUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Mon compte' };

export default async function AccountPage() {
  const user = await getPageUser('/settings/account');
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Mon compte</h1>
      <p className="mb-6 max-w-3xl text-sm text-stone-700">
        Connecté·e en tant que {user.name} ({user.email}).
      </p>
      <section
        aria-labelledby="delete-account-heading"
        className="max-w-xl rounded-xl border border-red-200 bg-white p-5 shadow-sm"
      >
        <h2 id="delete-account-heading" className="mb-1 text-base font-semibold text-red-800">
          Supprimer mon compte
        </h2>
        <div className="mb-3 space-y-2 text-sm text-stone-600">
          <p>
            Votre compte, vos sessions et vos jetons d’accès sont supprimés ; les rédactions dont
            vous êtes le seul membre aussi, avec leurs articles. Vos brouillons de verdict sont
            effacés.
          </p>
          <p>
            Dans les rédactions qui continuent, vos verdicts, commentaires et surlignages restent,
            signés « Compte supprimé », et leur journal note votre départ. Si vous êtes le seul
            propriétaire d’une rédaction qui a d’autres membres, nommez d’abord un·e autre
            propriétaire ou supprimez-la.
          </p>
        </div>
        <DeleteAccountForm />
      </section>
    </>
  );
}
