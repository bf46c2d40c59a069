'use client';
// A team's members. Owners change roles (select, then "Enregistrer": arrow keys on a select
// must not fire a request per step), remove members and see their e-mail addresses (others see
// names and roles: the server sends them no one else's address); everyone may leave the team.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { useAction } from '@/components/ui/use-action';
import { apiFetch } from '@/lib/api/client';
import { isRole, ROLES, type Role } from '@/lib/permissions';
import { FormError } from '@/components/ui/form-error';
import { Cell, ColumnHeader, Table, TableBody, TableHead } from '@/components/ui/table';

export interface MemberRowData {
  id: string;
  name: string;
  /** Null when the viewer may not see it (lib/server/teams/list-members.ts). */
  email: string | null;
  role: Role;
  joinedAt: string;
  /** joinedAt already formatted on the server (fr-FR), so server and browser agree. */
  joinedLabel: string;
}

export function MembersTable({
  teamId,
  teamName,
  currentUserId,
  canManage,
  showEmails,
  members,
}: {
  teamId: string;
  teamName: string;
  currentUserId: string;
  canManage: boolean;
  /** The viewer sees every member's address (owners): the column is shown. */
  showEmails: boolean;
  members: MemberRowData[];
}) {
  const router = useRouter();
  const t = useTranslations('teams.members');
  const labels = useTranslations('labels');
  const [confirm, confirmDialog] = useConfirm();
  /** One membership call; `run` answers true when it succeeded. */
  const { run, pending, error } = useAction((url: string, init: RequestInit) =>
    apiFetch(url, init),
  );

  const memberUrl = (userId: string) => `/api/v1/teams/${teamId}/members/${userId}`;

  async function onSaveRole(member: MemberRowData, role: Role): Promise<boolean> {
    if (
      member.id === currentUserId &&
      member.role === 'owner' &&
      role !== 'owner' &&
      !(await confirm({
        title: t('confirmDemote.title'),
        body: <p>{t('confirmDemote.body', { team: teamName, role: labels(`role.${role}`) })}</p>,
        confirmLabel: t('confirmDemote.confirm', { role: labels(`role.${role}`) }),
      }))
    ) {
      return false;
    }
    const ok = await run(memberUrl(member.id), {
      method: 'PATCH',
      body: JSON.stringify({ role }),
    });
    if (ok) router.refresh();
    return ok;
  }

  async function onRemove(member: MemberRowData) {
    const confirmed = await confirm({
      title: t('confirmRemove.title', { name: member.name }),
      body: <p>{t('confirmRemove.body', { name: member.name, team: teamName })}</p>,
      confirmLabel: t('confirmRemove.confirm'),
    });
    if (!confirmed) return;
    if (await run(memberUrl(member.id), { method: 'DELETE' })) router.refresh();
  }

  async function onLeave() {
    const confirmed = await confirm({
      title: t('confirmLeave.title'),
      body: <p>{t('confirmLeave.body', { team: teamName })}</p>,
      confirmLabel: t('confirmLeave.confirm'),
    });
    if (!confirmed) return;
    if (await run(memberUrl(currentUserId), { method: 'DELETE' })) {
      router.push('/teams');
      router.refresh();
    }
  }

  return (
    <div className="space-y-3">
      <Table caption={t('caption', { team: teamName })}>
        <TableHead>
          <ColumnHeader>{t('name')}</ColumnHeader>
          {showEmails ? <ColumnHeader>{t('email')}</ColumnHeader> : null}
          <ColumnHeader>{t('role')}</ColumnHeader>
          <ColumnHeader>{t('memberSince')}</ColumnHeader>
          {canManage ? <ColumnHeader hiddenLabel>{t('actions')}</ColumnHeader> : null}
        </TableHead>
        <TableBody>
          {members.map((member) => (
            <MemberRow
              key={member.id}
              member={member}
              isMe={member.id === currentUserId}
              canManage={canManage}
              showEmail={showEmails}
              pending={pending}
              onSaveRole={(role) => onSaveRole(member, role)}
              onRemove={() => void onRemove(member)}
            />
          ))}
        </TableBody>
      </Table>
      <FormError message={error} />
      <Button variant="danger" onClick={() => void onLeave()} disabled={pending}>
        {t('leave')}
      </Button>
      {confirmDialog}
    </div>
  );
}

function MemberRow({
  member,
  isMe,
  canManage,
  showEmail,
  pending,
  onSaveRole,
  onRemove,
}: {
  member: MemberRowData;
  isMe: boolean;
  canManage: boolean;
  showEmail: boolean;
  pending: boolean;
  onSaveRole: (role: Role) => Promise<boolean>;
  onRemove: () => void;
}) {
  const t = useTranslations('teams.members');
  const labels = useTranslations('labels');
  const [draft, setDraft] = useState<Role>(member.role);
  const [savedRole, setSavedRole] = useState<Role>(member.role);
  const selectRef = useRef<HTMLSelectElement>(null);
  if (member.role !== savedRole) {
    // The server's role changed (after a save and refresh): the draft follows it.
    setSavedRole(member.role);
    setDraft(member.role);
  }

  return (
    <tr>
      <Cell className="font-medium text-stone-900">
        {member.name}
        {isMe ? <span className="ml-1 font-normal text-stone-500">{t('you')}</span> : null}
      </Cell>
      {showEmail ? <Cell className="text-stone-600">{member.email ?? '—'}</Cell> : null}
      <Cell>
        {canManage ? (
          <form
            className="flex items-center gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              void onSaveRole(draft).then((ok) => {
                if (!ok) setDraft(member.role);
                // The button is disabled once saved: keep the keyboard where it was.
                selectRef.current?.focus();
              });
            }}
          >
            <select
              ref={selectRef}
              aria-label={t('roleOf', { name: member.name })}
              value={draft}
              onChange={(event) => {
                if (isRole(event.target.value)) setDraft(event.target.value);
              }}
              disabled={pending}
              className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm shadow-sm"
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {labels(`role.${role}`)}
                </option>
              ))}
            </select>
            <Button
              type="submit"
              variant="secondary"
              disabled={pending || draft === member.role}
              aria-label={t('saveRoleOf', { name: member.name })}
            >
              {t('save')}
            </Button>
          </form>
        ) : (
          labels(`role.${member.role}`)
        )}
      </Cell>
      <Cell className="text-stone-600">
        <time dateTime={member.joinedAt}>{member.joinedLabel}</time>
      </Cell>
      {canManage ? (
        <Cell className="text-right">
          {isMe ? null : (
            <Button
              variant="danger"
              onClick={onRemove}
              disabled={pending}
              aria-label={t('removeMember', { name: member.name })}
            >
              {t('remove')}
            </Button>
          )}
        </Cell>
      ) : null}
    </tr>
  );
}
