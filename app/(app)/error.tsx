'use client';

import { Button } from '@/components/ui/button';

export default function AppErrorBoundary({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="rounded-lg border border-red-200 bg-red-50 p-6" role="alert">
      <h1 className="text-lg font-semibold text-red-900">Une erreur est survenue</h1>
      <p className="mt-2 text-red-800">
        Rien n’a été perdu côté serveur. Réessayez dans un instant.
      </p>
      <Button className="mt-4" onClick={reset}>
        Réessayer
      </Button>
    </div>
  );
}
