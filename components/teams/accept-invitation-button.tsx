'use client';
// "Rejoindre la rédaction": consumes the invitation link, then opens the team.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { useAction } from '@/components/ui/use-action';
import { apiFetch } from '@/lib/api/client';

export function AcceptInvitationButton({ token }: { token: string }) {
  const router = useRouter();
  const t = useTranslations('teams.acceptInvitation');
  const {
    run: onAccept,
    pending,
    error,
  } = useAction(
    async () => {
      const { team } = await apiFetch<{ team: { id: string; name: string } }>(
        `/api/v1/invitations/${encodeURIComponent(token)}/accept`,
        { method: 'POST' },
      );
      router.push(`/teams/${team.id}`);
      router.refresh();
    },
    { keepPendingOnSuccess: true },
  );

  return (
    <div className="space-y-3">
      <Button onClick={() => void onAccept()} disabled={pending}>
        {pending ? t('pending') : t('join')}
      </Button>
      <FormError message={error} />
    </div>
  );
}
