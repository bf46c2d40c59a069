'use client';
// « Signature des publications »: the organisation's public name, site and logo, which sign the
// team's reports and their ClaimReview (`author` with `url` and `logo`), whether the published
// pages name the fact-checkers, and the team's public index once it has published. Owners change them
// (PATCH /api/v1/teams/{id}, checked again on the server: only http(s) addresses); the other
// members read the signature in force.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { useAction } from '@/components/ui/use-action';
import { apiFetch } from '@/lib/api/client';

interface Identity {
  publicName: string | null;
  publicUrl: string | null;
  logoUrl: string | null;
  nameReviewers: boolean;
  /** The team's public segment (/p/{slug}), null until its first publication. */
  publicSlug: string | null;
}

/** A blank field is no value: the server then signs with the team's name, without a site. */
const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

export function PublicIdentitySetting({
  teamId,
  teamName,
  identity,
  canChange,
}: {
  teamId: string;
  teamName: string;
  identity: Identity;
  canChange: boolean;
}) {
  const router = useRouter();
  const t = useTranslations('teams.publicIdentity');
  const [name, setName] = useState(identity.publicName ?? '');
  const [url, setUrl] = useState(identity.publicUrl ?? '');
  const [logo, setLogo] = useState(identity.logoUrl ?? '');
  const [nameReviewers, setNameReviewers] = useState(identity.nameReviewers);
  const [saved, setSaved] = useState<string | null>(null);
  const { run, pending, error } = useAction(async () => {
    const team = await apiFetch<Identity>(`/api/v1/teams/${teamId}`, {
      method: 'PATCH',
      body: JSON.stringify({
        publicName: orNull(name),
        publicUrl: orNull(url),
        logoUrl: orNull(logo),
        nameReviewers,
      }),
    });
    setName(team.publicName ?? '');
    setUrl(team.publicUrl ?? '');
    setLogo(team.logoUrl ?? '');
    setNameReviewers(team.nameReviewers);
    setSaved(t('saved'));
    router.refresh();
  });

  const signedAs = t('signedAs', {
    name: identity.publicName ?? teamName,
    url: identity.publicUrl ?? 'none',
  });
  const index = identity.publicSlug ? (
    <p className="text-sm">
      <a
        href={`/p/${identity.publicSlug}`}
        target="_blank"
        rel="noopener"
        className="text-blue-700 underline hover:text-blue-900"
      >
        {t('index')}
      </a>
    </p>
  ) : null;
  if (!canChange) {
    return (
      <div className="space-y-2">
        <p className="text-sm text-stone-700" data-testid="public-identity">
          {signedAs} {identity.nameReviewers ? t('namedReviewers') : t('teamOnly')}
        </p>
        {index}
      </div>
    );
  }
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    void run();
  }
  return (
    <form className="space-y-3" onSubmit={onSubmit}>
      <p className="text-sm text-stone-600">{t('intro')}</p>
      <Field label={t('name')} hint={t('nameHint', { team: teamName })}>
        <TextInput
          name="publicName"
          value={name}
          maxLength={200}
          onChange={(event) => setName(event.target.value)}
        />
      </Field>
      <Field label={t('url')} hint={t('urlHint')}>
        <TextInput
          name="publicUrl"
          type="url"
          inputMode="url"
          value={url}
          maxLength={2048}
          onChange={(event) => setUrl(event.target.value)}
        />
      </Field>
      <Field label={t('logo')} hint={t('urlHint')}>
        <TextInput
          name="logoUrl"
          type="url"
          inputMode="url"
          value={logo}
          maxLength={2048}
          onChange={(event) => setLogo(event.target.value)}
        />
      </Field>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="nameReviewers"
          className="mt-1"
          checked={nameReviewers}
          onChange={(event) => setNameReviewers(event.target.checked)}
        />
        <span>
          {t('nameReviewers')}
          <span className="block text-xs text-stone-600">{t('nameReviewersHint')}</span>
        </span>
      </label>
      <Button type="submit" disabled={pending}>
        {t('save')}
      </Button>
      <p role="status" className="text-xs text-stone-600">
        {saved}
      </p>
      <FormError message={error} />
      {index}
    </form>
  );
}
