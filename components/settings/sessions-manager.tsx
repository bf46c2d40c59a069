'use client';
// The account's open browser sessions: which browser, opened when, last active when; close one
// of the others, or sign out everywhere (every session ends, this one included, then next-auth
// clears this browser's cookie and we land on the sign-in page).
import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { useAction } from '@/components/ui/use-action';
import { apiFetch, errorMessage } from '@/lib/api/client';
import { FormError } from '@/components/ui/form-error';
import { Cell, ColumnHeader, Table, TableBody, TableHead } from '@/components/ui/table';

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
  const close = useAction(
    async ({ session }: { session: SessionRowData; label: string }) => {
      await apiFetch(`/api/v1/me/sessions/${session.id}`, { method: 'DELETE' });
      router.refresh();
    },
    {
      key: ({ session }) => session.id,
      // Which browser could not be signed out, then why.
      message: (e, { label }) => `${label} : ${errorMessage(e)}`,
    },
  );
  // Pending until signOut() has left the page: this session is over on the server.
  const everywhere = useAction(() => apiFetch('/api/v1/me/sessions', { method: 'DELETE' }), {
    keepPendingOnSuccess: true,
  });
  const busy = close.pending || everywhere.pending;
  // One message line for both: each run clears the other's message, as one shared state did.
  const error = close.error ?? everywhere.error;
  const [confirm, confirmDialog] = useConfirm();

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
    close.clearError();
    if (!(await everywhere.run())) return;
    // This session has ended on the server too: clear its cookie and go to the sign-in page.
    await signOut({ callbackUrl: '/sign-in' });
  }

  return (
    <div className="space-y-4">
      <Table caption="Sessions ouvertes sur votre compte">
        <TableHead>
          <ColumnHeader>Navigateur</ColumnHeader>
          <ColumnHeader>Ouverte le</ColumnHeader>
          <ColumnHeader>Dernière activité</ColumnHeader>
          <ColumnHeader hiddenLabel>Actions</ColumnHeader>
        </TableHead>
        <TableBody>
          {sessions.map((session) => {
            const browser = describeUserAgent(session.userAgent);
            const label = browser ?? (shorten(session.userAgent) || 'Navigateur inconnu');
            return (
              <tr key={session.id} className={session.current ? 'bg-blue-50/50' : ''}>
                <Cell>
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
                </Cell>
                <Cell className="text-stone-600">
                  <time dateTime={session.createdAt}>{session.createdLabel}</time>
                </Cell>
                <Cell className="text-stone-600">
                  <time dateTime={session.lastSeenAt}>{session.lastSeenLabel}</time>
                </Cell>
                <Cell className="text-right">
                  {session.current ? null : (
                    <Button
                      variant="danger"
                      onClick={() => {
                        everywhere.clearError();
                        void close.run({ session, label });
                      }}
                      disabled={busy}
                      aria-label={`Fermer la session ${label} ouverte le ${session.createdLabel}`}
                    >
                      {close.pendingKey === session.id ? 'Fermeture…' : 'Fermer'}
                    </Button>
                  )}
                </Cell>
              </tr>
            );
          })}
        </TableBody>
      </Table>
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
          {everywhere.pending ? 'Déconnexion…' : 'Se déconnecter partout'}
        </Button>
      </div>
      {confirmDialog}
    </div>
  );
}
