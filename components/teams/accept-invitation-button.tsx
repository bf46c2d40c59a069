'use client';
// "Rejoindre la rédaction": consumes the invitation link, then opens the team.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { apiFetch, errorMessage } from '@/lib/api/client';
import { FormError } from '@/components/ui/form-error';

export function AcceptInvitationButton({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onAccept() {
    setPending(true);
    setError(null);
    try {
      const { team } = await apiFetch<{ team: { id: string; name: string } }>(
        `/api/v1/invitations/${encodeURIComponent(token)}/accept`,
        { method: 'POST' },
      );
      router.push(`/teams/${team.id}`);
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
      setPending(false);
    }
  }

  return (
    <div className="space-y-3">
      <Button onClick={() => void onAccept()} disabled={pending}>
        {pending ? 'Un instant…' : 'Rejoindre la rédaction'}
      </Button>
      <FormError message={error} />
    </div>
  );
}
