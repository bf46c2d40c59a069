'use client';
// Invitation links not used yet, with "Révoquer" (the link stops working at once) on those the
// viewer may revoke: the roles they may invite (an editor cannot revoke an owner's invitation).
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { apiFetch, errorMessage } from '@/lib/api/client';
import { ROLE_LABELS, type Role } from '@/lib/permissions';
import { FormError } from '@/components/ui/form-error';

export interface PendingInvitationData {
  id: string;
  role: Role;
  createdByName: string | null;
  /** Dates as ISO strings plus their fr-FR labels, formatted on the server. */
  createdAt: string;
  createdLabel: string;
  expiresAt: string;
  expiresLabel: string;
  /** The viewer may revoke it (the server checks again). */
  revocable: boolean;
}

export function PendingInvitations({
  teamId,
  invitations,
}: {
  teamId: string;
  invitations: PendingInvitationData[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [confirm, confirmDialog] = useConfirm();

  async function onRevoke(invitation: PendingInvitationData) {
    const confirmed = await confirm({
      title: 'Révoquer l’invitation ?',
      body: (
        <p>
          L’invitation ({ROLE_LABELS[invitation.role]}) créée le {invitation.createdLabel} sera
          révoquée : le lien ne fonctionnera plus.
        </p>
      ),
      confirmLabel: 'Révoquer l’invitation',
    });
    if (!confirmed) return;
    setPendingId(invitation.id);
    setError(null);
    try {
      await apiFetch(`/api/v1/teams/${teamId}/invitations/${invitation.id}`, { method: 'DELETE' });
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPendingId(null);
    }
  }

  if (invitations.length === 0) {
    return <p className="text-sm text-stone-500">Aucune invitation en attente.</p>;
  }

  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Invitations en attente</caption>
          <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-500">
            <tr>
              <th scope="col" className="px-4 py-2 font-semibold">
                Rôle
              </th>
              <th scope="col" className="px-4 py-2 font-semibold">
                Créée par
              </th>
              <th scope="col" className="px-4 py-2 font-semibold">
                Créée le
              </th>
              <th scope="col" className="px-4 py-2 font-semibold">
                Expire le
              </th>
              <th scope="col" className="px-4 py-2 font-semibold">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {invitations.map((invitation) => (
              <tr key={invitation.id}>
                <td className="px-4 py-2">{ROLE_LABELS[invitation.role]}</td>
                <td className="px-4 py-2 text-stone-600">{invitation.createdByName ?? '—'}</td>
                <td className="px-4 py-2 text-stone-600">
                  <time dateTime={invitation.createdAt}>{invitation.createdLabel}</time>
                </td>
                <td className="px-4 py-2 text-stone-600">
                  <time dateTime={invitation.expiresAt}>{invitation.expiresLabel}</time>
                </td>
                <td className="px-4 py-2 text-right">
                  {invitation.revocable ? (
                    <Button
                      variant="danger"
                      onClick={() => void onRevoke(invitation)}
                      disabled={pendingId !== null}
                      aria-label={`Révoquer l’invitation ${ROLE_LABELS[invitation.role]} créée le ${invitation.createdLabel}`}
                    >
                      {pendingId === invitation.id ? 'Révocation…' : 'Révoquer'}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormError message={error} />
      {confirmDialog}
    </div>
  );
}
