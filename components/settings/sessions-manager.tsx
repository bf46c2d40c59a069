'use client';
// The account's open browser sessions: which browser, opened when, last active when; close one
// of the others, or sign out everywhere (every session ends, this one included, then next-auth
// clears this browser's cookie and we land on the sign-in page).
import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { apiFetch, errorMessage } from '@/lib/api/client';
import { FormError } from '@/components/ui/form-error';

export interface SessionRowData {
  id: string;
  userAgent: string;
  current: boolean;
  /** Dates as ISO strings plus their fr-FR labels, formatted on the server. */
  createdAt: string;
  createdLabel: string;
  lastSeenAt: string;
  lastSeenLabel: string;
}

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** "Firefox sur Windows" from a user agent, or null when it names no browser we know. */
function describeUserAgent(userAgent: string): string | null {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (!browser) return null;
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  return system ? `${browser} sur ${system}` : browser;
}

function shorten(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function SessionsManager({ sessions }: { sessions: SessionRowData[] }) {
  const router = useRouter();
  const [closingId, setClosingId] = useState<string | null>(null);
  const [signingOutEverywhere, setSigningOutEverywhere] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = closingId !== null || signingOutEverywhere;
  const [confirm, confirmDialog] = useConfirm();

  async function onClose(session: SessionRowData, label: string) {
    setClosingId(session.id);
    setError(null);
    try {
      await apiFetch(`/api/v1/me/sessions/${session.id}`, { method: 'DELETE' });
      router.refresh();
    } catch (e) {
      setError(`${label} : ${errorMessage(e)}`);
    } finally {
      setClosingId(null);
    }
  }

  async function onSignOutEverywhere() {
    const confirmed = await confirm({
      title: 'Se déconnecter partout ?',
      body: (
        <p>
          Toutes les sessions de votre compte seront fermées, celle-ci comprise : il faudra vous
          reconnecter. Vos jetons d’accès restent valides.
        </p>
      ),
      confirmLabel: 'Fermer toutes les sessions',
    });
    if (!confirmed) return;
    setSigningOutEverywhere(true);
    setError(null);
    try {
      await apiFetch('/api/v1/me/sessions', { method: 'DELETE' });
    } catch (e) {
      setError(errorMessage(e));
      setSigningOutEverywhere(false);
      return;
    }
    // This session has ended on the server too: clear its cookie and go to the sign-in page.
    await signOut({ callbackUrl: '/sign-in' });
  }

  return (
    <div className="space-y-4">
      <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Sessions ouvertes sur votre compte</caption>
          <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-500">
            <tr>
              <th scope="col" className="px-4 py-2 font-semibold">
                Navigateur
              </th>
              <th scope="col" className="px-4 py-2 font-semibold">
                Ouverte le
              </th>
              <th scope="col" className="px-4 py-2 font-semibold">
                Dernière activité
              </th>
              <th scope="col" className="px-4 py-2 font-semibold">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {sessions.map((session) => {
              const browser = describeUserAgent(session.userAgent);
              const label = browser ?? (shorten(session.userAgent) || 'Navigateur inconnu');
              return (
                <tr key={session.id} className={session.current ? 'bg-blue-50/50' : ''}>
                  <td className="px-4 py-2">
                    <span className="font-medium">{label}</span>
                    {session.current ? (
                      <span className="ml-2 rounded-full border border-blue-200 bg-blue-50 px-2 py-0.5 text-xs font-semibold text-blue-800">
                        Cette session
                      </span>
                    ) : null}
                    {browser && session.userAgent ? (
                      <span
                        className="mt-0.5 block max-w-md truncate text-xs text-stone-500"
                        title={session.userAgent}
                      >
                        {shorten(session.userAgent)}
                      </span>
                    ) : null}
                  </td>
                  <td className="px-4 py-2 text-stone-600">
                    <time dateTime={session.createdAt}>{session.createdLabel}</time>
                  </td>
                  <td className="px-4 py-2 text-stone-600">
                    <time dateTime={session.lastSeenAt}>{session.lastSeenLabel}</time>
                  </td>
                  <td className="px-4 py-2 text-right">
                    {session.current ? null : (
                      <Button
                        variant="danger"
                        onClick={() => void onClose(session, label)}
                        disabled={busy}
                        aria-label={`Fermer la session ${label} ouverte le ${session.createdLabel}`}
                      >
                        {closingId === session.id ? 'Fermeture…' : 'Fermer'}
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {sessions.every((session) => session.current) ? (
        <p className="text-sm text-stone-500">Aucune autre session n’est ouverte.</p>
      ) : null}
      <FormError message={error} />
      <div className="max-w-xl rounded-xl border border-red-200 bg-white p-4">
        <p className="mb-3 text-sm text-stone-700">
          Un appareil perdu, un ordinateur partagé ? Fermez toutes les sessions de votre compte, y
          compris celle-ci.
        </p>
        <Button
          variant="danger"
          className="border border-red-300"
          onClick={() => void onSignOutEverywhere()}
          disabled={busy}
        >
          {signingOutEverywhere ? 'Déconnexion…' : 'Se déconnecter partout'}
        </Button>
      </div>
      {confirmDialog}
    </div>
  );
}
