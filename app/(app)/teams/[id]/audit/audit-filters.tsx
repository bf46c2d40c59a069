// The journal's filters: a plain GET form (works without JavaScript, the URL can be shared) with
// a member and an action, each a labelled <select>; « Tout afficher » clears them.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field, SelectInput } from '@/components/ui/field';
import { TEAM_AUDIT_ACTION_GROUPS } from '@/lib/workflow/audit-labels';

export function AuditFilters({
  teamId,
  members,
  member,
  action,
}: {
  teamId: string;
  members: { id: string; name: string }[];
  member: string | null;
  action: string | null;
}) {
  const t = useTranslations('teams.auditFilters');
  const audit = useTranslations('audit');
  const isFiltered = member !== null || action !== null;
  // Someone who left the team can still be filtered on (a shared link): keep them selectable.
  const isFormerMember = member !== null && !members.some((m) => m.id === member);
  return (
    <form
      method="get"
      action={`/teams/${teamId}/audit`}
      role="search"
      aria-label={t('label')}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm"
    >
      <div className="min-w-48">
        <Field label={t('member')}>
          <SelectInput name="member" defaultValue={member ?? ''}>
            <option value="">{t('everyone')}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
            {isFormerMember ? <option value={member}>{t('formerMember')}</option> : null}
          </SelectInput>
        </Field>
      </div>
      <div className="min-w-56">
        <Field label={t('action')}>
          <SelectInput name="action" defaultValue={action ?? ''}>
            <option value="">{t('allActions')}</option>
            {TEAM_AUDIT_ACTION_GROUPS.map((group) => (
              <optgroup key={group.key} label={audit(`groups.${group.key}`)}>
                {group.actions.map((code) => (
                  <option key={code} value={code}>
                    {audit(`action.${code}`)}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectInput>
        </Field>
      </div>
      <Button type="submit">{t('filter')}</Button>
      {isFiltered ? (
        <Link href={`/teams/${teamId}/audit`} className="py-1.5 text-sm text-blue-700 underline">
          {t('showAll')}
        </Link>
      ) : null}
    </form>
  );
}
