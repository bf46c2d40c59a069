'use client';
// Personal access tokens: create one with a lifetime (shown once, to copy now), list mine with
// their expiry, revoke one.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { CopyField } from '@/components/ui/copy-field';
import { useAction } from '@/components/ui/use-action';
import { apiFetch } from '@/lib/api/client';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { Field, SelectInput, TextInput } from '@/components/ui/field';
import { TOKEN_DEFAULT_DAYS, TOKEN_LIFETIME_CHOICES } from '@/lib/validations/token';
import { FormError } from '@/components/ui/form-error';
import { Cell, ColumnHeader, Table, TableBody, TableHead } from '@/components/ui/table';

export interface TokenRowData {
  id: string;
  name: string;
  prefix: string;
  /** Dates as ISO strings plus their fr-FR labels, formatted on the server. */
  createdAt: string;
  createdLabel: string;
  lastUsedAt: string | null;
  lastUsedLabel: string | null;
  expiresAt: string;
  expiresLabel: string;
  /** Past its expiry: refused by the API, kept in the list until revoked. */
  expired: boolean;
}

export function TokensManager({ tokens }: { tokens: TokenRowData[] }) {
  const router = useRouter();
  const t = useTranslations('settings.tokensManager');
  const [name, setName] = useState('');
  const [lifetime, setLifetime] = useState<number>(TOKEN_DEFAULT_DAYS);
  const [created, setCreated] = useState<{ id: string; name: string; token: string } | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const create = useAction(async () => {
    const token = await apiFetch<{ id: string; name: string; token: string }>('/api/v1/tokens', {
      method: 'POST',
      body: JSON.stringify({ name, expiresInDays: lifetime }),
    });
    setCreated({ id: token.id, name: token.name, token: token.token });
    setName('');
    router.refresh();
  });
  const revoke = useAction(
    async (token: TokenRowData) => {
      await apiFetch(`/api/v1/tokens/${token.id}`, { method: 'DELETE' });
      if (created?.id === token.id) setCreated(null);
      router.refresh();
    },
    { key: (token) => token.id },
  );
  const formError = create.error;

  function onCreate(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void create.run();
  }

  async function onRevoke(token: TokenRowData) {
    const confirmed = await confirm({
      title: t('confirm.title', { name: token.name }),
      body: <p>{t('confirm.body')}</p>,
      confirmLabel: t('confirm.confirm'),
    });
    if (confirmed) await revoke.run(token);
  }

  return (
    <div className="space-y-8">
      <section
        aria-labelledby="new-token-heading"
        className="max-w-xl rounded-xl border border-stone-200 bg-white p-5 shadow-sm"
      >
        <h2 id="new-token-heading" className="mb-1 text-base font-semibold">
          {t('newHeading')}
        </h2>
        <p className="mb-3 text-sm text-stone-600">{t('newIntro')}</p>
        <form onSubmit={onCreate} className="space-y-3" noValidate>
          <Field label={t('name')}>
            <TextInput
              name="name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              maxLength={100}
              required
              aria-invalid={formError !== null}
            />
          </Field>
          <Field label={t('lifetimeLabel')} hint={t('lifetimeHint', { days: TOKEN_DEFAULT_DAYS })}>
            <SelectInput
              name="expiresInDays"
              value={lifetime}
              onChange={(event) => setLifetime(Number(event.target.value))}
            >
              {TOKEN_LIFETIME_CHOICES.map((days) => (
                <option key={days} value={days}>
                  {t('lifetime', { days })}
                </option>
              ))}
            </SelectInput>
          </Field>
          <FormError message={formError} />
          <Button type="submit" disabled={create.pending}>
            {create.pending ? t('creating') : t('create')}
          </Button>
        </form>
        {created ? (
          <div className="mt-4 rounded-lg border border-amber-200 bg-amber-50/60 p-3">
            <CopyField
              key={created.id}
              label={t('newToken')}
              value={created.token}
              copiedMessage={t('copied')}
            />
            <p className="text-xs text-stone-600">{t('keepIt', { name: created.name })}</p>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="mb-3 text-base font-semibold">
          {t('listHeading')}
        </h2>
        {tokens.length === 0 ? (
          <p className="text-sm text-stone-500">{t('none')}</p>
        ) : (
          <Table caption={t('caption')}>
            <TableHead>
              <ColumnHeader>{t('columnName')}</ColumnHeader>
              <ColumnHeader>{t('columnPrefix')}</ColumnHeader>
              <ColumnHeader>{t('columnCreated')}</ColumnHeader>
              <ColumnHeader>{t('columnLastUsed')}</ColumnHeader>
              <ColumnHeader>{t('columnExpiry')}</ColumnHeader>
              <ColumnHeader hiddenLabel>{t('columnActions')}</ColumnHeader>
            </TableHead>
            <TableBody>
              {tokens.map((token) => (
                <tr key={token.id} className={token.expired ? 'bg-stone-50 text-stone-500' : ''}>
                  <Cell className="font-medium">{token.name}</Cell>
                  <Cell>
                    <code className="text-xs">{token.prefix}…</code>
                  </Cell>
                  <Cell className="text-stone-600">
                    <time dateTime={token.createdAt}>{token.createdLabel}</time>
                  </Cell>
                  <Cell className="text-stone-600">
                    {token.lastUsedAt && token.lastUsedLabel ? (
                      <time dateTime={token.lastUsedAt}>{token.lastUsedLabel}</time>
                    ) : (
                      t('never')
                    )}
                  </Cell>
                  <Cell className="text-stone-600">
                    {token.expired ? (
                      <>
                        <span className="rounded-full border border-red-200 bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-800">
                          {t('expired')}
                        </span>{' '}
                        <span className="text-xs">
                          {t.rich('expiredOn', {
                            date: token.expiresLabel,
                            time: (chunks) => <time dateTime={token.expiresAt}>{chunks}</time>,
                          })}
                        </span>
                      </>
                    ) : (
                      t.rich('expiresOn', {
                        date: token.expiresLabel,
                        time: (chunks) => <time dateTime={token.expiresAt}>{chunks}</time>,
                      })
                    )}
                  </Cell>
                  <Cell className="text-right">
                    <Button
                      variant="danger"
                      onClick={() => void onRevoke(token)}
                      disabled={revoke.pending}
                      aria-label={t('revokeToken', { name: token.name })}
                    >
                      {revoke.pendingKey === token.id ? t('revoking') : t('revoke')}
                    </Button>
                  </Cell>
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
        {revoke.error ? (
          <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {revoke.error}
          </p>
        ) : null}
      </section>
      {confirmDialog}
    </div>
  );
}
