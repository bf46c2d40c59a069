'use client';
// "Rejoindre la rédaction": consumes the invitation link, then opens the team.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { apiFetch, errorMessage } from '@/lib/api/client';

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
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
