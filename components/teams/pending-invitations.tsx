'use client';
// Invitation links not used yet, with "Révoquer" (the link stops working at once) on those the
// viewer may revoke: the roles they may invite (an editor cannot revoke an owner's invitation).
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { useAction } from '@/components/ui/use-action';
import { apiFetch } from '@/lib/api/client';
import { type Role } from '@/lib/permissions';
import { FormError } from '@/components/ui/form-error';
import { Cell, ColumnHeader, Table, TableBody, TableHead } from '@/components/ui/table';

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
  const t = useTranslations('teams.pendingInvitations');
  const labels = useTranslations('labels');
  const [confirm, confirmDialog] = useConfirm();
  const revoke = useAction(
    async (invitation: PendingInvitationData) => {
      await apiFetch(`/api/v1/teams/${teamId}/invitations/${invitation.id}`, { method: 'DELETE' });
      router.refresh();
    },
    { key: (invitation) => invitation.id },
  );

  async function onRevoke(invitation: PendingInvitationData) {
    const confirmed = await confirm({
      title: t('confirm.title'),
      body: (
        <p>
          {t('confirm.body', {
            role: labels(`role.${invitation.role}`),
            date: invitation.createdLabel,
          })}
        </p>
      ),
      confirmLabel: t('confirm.confirm'),
    });
    if (confirmed) await revoke.run(invitation);
  }

  if (invitations.length === 0) {
    return <p className="text-sm text-stone-500">{t('empty')}</p>;
  }

  return (
    <div className="space-y-3">
      <Table caption={t('caption')}>
        <TableHead>
          <ColumnHeader>{t('role')}</ColumnHeader>
          <ColumnHeader>{t('createdBy')}</ColumnHeader>
          <ColumnHeader>{t('createdOn')}</ColumnHeader>
          <ColumnHeader>{t('expiresOn')}</ColumnHeader>
          <ColumnHeader hiddenLabel>{t('actions')}</ColumnHeader>
        </TableHead>
        <TableBody>
          {invitations.map((invitation) => (
            <tr key={invitation.id}>
              <Cell>{labels(`role.${invitation.role}`)}</Cell>
              <Cell className="text-stone-600">{invitation.createdByName ?? '—'}</Cell>
              <Cell className="text-stone-600">
                <time dateTime={invitation.createdAt}>{invitation.createdLabel}</time>
              </Cell>
              <Cell className="text-stone-600">
                <time dateTime={invitation.expiresAt}>{invitation.expiresLabel}</time>
              </Cell>
              <Cell className="text-right">
                {invitation.revocable ? (
                  <Button
                    variant="danger"
                    onClick={() => void onRevoke(invitation)}
                    disabled={revoke.pending}
                    aria-label={t('revokeInvitation', {
                      role: labels(`role.${invitation.role}`),
                      date: invitation.createdLabel,
                    })}
                  >
                    {revoke.pendingKey === invitation.id ? t('revoking') : t('revoke')}
                  </Button>
                ) : null}
              </Cell>
            </tr>
          ))}
        </TableBody>
      </Table>
      <FormError message={revoke.error} />
      {confirmDialog}
    </div>
  );
}
