'use client';
// The account's open browser sessions: which browser, opened when, last active when; close one
// of the others, or sign out everywhere (every session ends, this one included, then next-auth
// clears this browser's cookie and we land on the sign-in page).
import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
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

/** The browser and system a user agent names ("Firefox", "Windows"); null: no known browser. */
function describeUserAgent(userAgent: string): { browser: string; system: string | null } | null {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (!browser) return null;
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
  return { browser, system };
}

function shorten(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function SessionsManager({ sessions }: { sessions: SessionRowData[] }) {
  const router = useRouter();
  const t = useTranslations('settings.sessions');
  const close = useAction(
    async ({ session }: { session: SessionRowData; label: string }) => {
      await apiFetch(`/api/v1/me/sessions/${session.id}`, { method: 'DELETE' });
      router.refresh();
    },
    {
      key: ({ session }) => session.id,
      // Which browser could not be signed out, then why.
      message: (e, { label }) => t('closeFailed', { session: label, error: errorMessage(e) }),
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
      title: t('confirm.title'),
      body: <p>{t('confirm.body')}</p>,
      confirmLabel: t('confirm.confirm'),
    });
    if (!confirmed) return;
    close.clearError();
    if (!(await everywhere.run())) return;
    // This session has ended on the server too: clear its cookie and go to the sign-in page.
    await signOut({ callbackUrl: '/sign-in' });
  }

  return (
    <div className="space-y-4">
      <Table caption={t('caption')}>
        <TableHead>
          <ColumnHeader>{t('columnBrowser')}</ColumnHeader>
          <ColumnHeader>{t('columnOpened')}</ColumnHeader>
          <ColumnHeader>{t('columnLastSeen')}</ColumnHeader>
          <ColumnHeader hiddenLabel>{t('columnActions')}</ColumnHeader>
        </TableHead>
        <TableBody>
          {sessions.map((session) => {
            const described = describeUserAgent(session.userAgent);
            const browser = described?.system
              ? t('browserOnSystem', { browser: described.browser, system: described.system })
              : (described?.browser ?? null);
            const label = browser ?? (shorten(session.userAgent) || t('unknownBrowser'));
            return (
              <tr key={session.id} className={session.current ? 'bg-blue-50/50' : ''}>
                <Cell>
                  <span className="font-medium">{label}</span>
                  {session.current ? (
                    <span className="ml-2 rounded-full border border-blue-200 bg-blue-50 px-2 py-0.5 text-xs font-semibold text-blue-800">
                      {t('current')}
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
                      aria-label={t('closeSession', { session: label, date: session.createdLabel })}
                    >
                      {close.pendingKey === session.id ? t('closing') : t('close')}
                    </Button>
                  )}
                </Cell>
              </tr>
            );
          })}
        </TableBody>
      </Table>
      {sessions.every((session) => session.current) ? (
        <p className="text-sm text-stone-500">{t('noOther')}</p>
      ) : null}
      <FormError message={error} />
      <div className="max-w-xl rounded-xl border border-red-200 bg-white p-4">
        <p className="mb-3 text-sm text-stone-700">{t('everywhereIntro')}</p>
        <Button
          variant="danger"
          className="border border-red-300"
          onClick={() => void onSignOutEverywhere()}
          disabled={busy}
        >
          {everywhere.pending ? t('signingOut') : t('everywhere')}
        </Button>
      </div>
      {confirmDialog}
    </div>
  );
}
