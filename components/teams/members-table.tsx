'use client';
// A team's members. Owners change roles (select, then "Enregistrer": arrow keys on a select
// must not fire a request per step), remove members and see their e-mail addresses (others see
// names and roles: the server sends them no one else's address); everyone may leave the team.
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { apiFetch, errorMessage } from '@/lib/api/client';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/permissions';
import { FormError } from '@/components/ui/form-error';

export interface MemberRowData {
  id: string;
  name: string;
  /** Null when the viewer may not see it (lib/server/teams/members.ts). */
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
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [confirm, confirmDialog] = useConfirm();

  /** Runs one membership call; true when it succeeded. */
  async function run(url: string, init: RequestInit): Promise<boolean> {
    setPending(true);
    setError(null);
    try {
      await apiFetch(url, init);
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setPending(false);
    }
  }

  const memberUrl = (userId: string) => `/api/v1/teams/${teamId}/members/${userId}`;

  async function onSaveRole(member: MemberRowData, role: Role): Promise<boolean> {
    if (
      member.id === currentUserId &&
      member.role === 'owner' &&
      role !== 'owner' &&
      !(await confirm({
        title: 'Renoncer au rôle de propriétaire ?',
        body: (
          <p>
            Vous ne serez plus propriétaire de « {teamName} ». Continuer avec le rôle{' '}
            {ROLE_LABELS[role]} ?
          </p>
        ),
        confirmLabel: `Passer au rôle ${ROLE_LABELS[role]}`,
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
      title: `Retirer ${member.name} ?`,
      body: (
        <p>
          {member.name} ne sera plus membre de la rédaction « {teamName} » et n’y aura plus accès.
        </p>
      ),
      confirmLabel: 'Retirer de la rédaction',
    });
    if (!confirmed) return;
    if (await run(memberUrl(member.id), { method: 'DELETE' })) router.refresh();
  }

  async function onLeave() {
    const confirmed = await confirm({
      title: 'Quitter la rédaction ?',
      body: <p>Vous quitterez « {teamName} » et n’y aurez plus accès.</p>,
      confirmLabel: 'Je quitte la rédaction',
    });
    if (!confirmed) return;
    if (await run(memberUrl(currentUserId), { method: 'DELETE' })) {
      router.push('/teams');
      router.refresh();
    }
  }

  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Membres de la rédaction « {teamName} »</caption>
          <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-500">
            <tr>
              <th scope="col" className="px-4 py-2 font-semibold">
                Nom
              </th>
              {showEmails ? (
                <th scope="col" className="px-4 py-2 font-semibold">
                  E-mail
                </th>
              ) : null}
              <th scope="col" className="px-4 py-2 font-semibold">
                Rôle
              </th>
              <th scope="col" className="px-4 py-2 font-semibold">
                Membre depuis
              </th>
              {canManage ? (
                <th scope="col" className="px-4 py-2 font-semibold">
                  <span className="sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
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
          </tbody>
        </table>
      </div>
      <FormError message={error} />
      <Button variant="danger" onClick={() => void onLeave()} disabled={pending}>
        Quitter la rédaction
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
      <td className="px-4 py-2 font-medium text-stone-900">
        {member.name}
        {isMe ? <span className="ml-1 font-normal text-stone-500">(vous)</span> : null}
      </td>
      {showEmail ? <td className="px-4 py-2 text-stone-600">{member.email ?? '—'}</td> : null}
      <td className="px-4 py-2">
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
              aria-label={`Rôle de ${member.name}`}
              value={draft}
              onChange={(event) => setDraft(event.target.value as Role)}
              disabled={pending}
              className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm shadow-sm"
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
            <Button
              type="submit"
              variant="secondary"
              disabled={pending || draft === member.role}
              aria-label={`Enregistrer le rôle de ${member.name}`}
            >
              Enregistrer
            </Button>
          </form>
        ) : (
          ROLE_LABELS[member.role]
        )}
      </td>
      <td className="px-4 py-2 text-stone-600">
        <time dateTime={member.joinedAt}>{member.joinedLabel}</time>
      </td>
      {canManage ? (
        <td className="px-4 py-2 text-right">
          {isMe ? null : (
            <Button
              variant="danger"
              onClick={onRemove}
              disabled={pending}
              aria-label={`Retirer ${member.name}`}
            >
              Retirer
            </Button>
          )}
        </td>
      ) : null}
    </tr>
  );
}
