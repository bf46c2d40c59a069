// Shared components read their words from the catalogue: rendered with the French messages they
// say exactly what they said before the catalogue (the end-to-end tests match these texts), and
// with the English ones they say it in English. Rendered to static HTML inside next-intl's
// provider, as the app's layout provides it; components that need the router are left to e2e.
import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ProgressBar } from '@/components/progress-bar';
import { JobProgress } from '@/components/jobs/job-progress';
import { SettingsIndex } from '@/components/settings/settings-index';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { CopyField } from '@/components/ui/copy-field';
import type { JobDto } from '@/lib/api/job-types';
import enJobs from '@/lib/i18n/messages/en/jobs.json';
import enSettings from '@/lib/i18n/messages/en/settings.json';
import enUi from '@/lib/i18n/messages/en/ui.json';
import frJobs from '@/lib/i18n/messages/fr/jobs.json';
import frSettings from '@/lib/i18n/messages/fr/settings.json';
import frUi from '@/lib/i18n/messages/fr/ui.json';

const MESSAGES: Record<'fr' | 'en', AbstractIntlMessages> = {
  fr: { jobs: frJobs, settings: frSettings, ui: frUi },
  en: { jobs: enJobs, settings: enSettings, ui: enUi },
};

/** The text a person reads (tags dropped, entities decoded), spaces collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function render(locale: 'fr' | 'en', element: ReactNode): string {
  return renderToStaticMarkup(
    // `children` as a prop: the props' type requires it (createElement's third argument is not
    // checked against it).
    // eslint-disable-next-line react/no-children-prop
    createElement(NextIntlClientProvider, {
      locale,
      messages: MESSAGES[locale],
      timeZone: 'Europe/Paris',
      children: element,
    }),
  );
}

function job(overrides: Partial<JobDto>): JobDto {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    kind: 'article_import',
    status: 'running',
    progress: 0.42,
    articleId: null,
    resultUrl: null,
    pageUrl: null,
    result: null,
    error: null,
    attempts: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}

describe('ProgressBar', () => {
  it.each([
    ['fr', 0, 3, '0 / 3 phrases vérifiées'],
    ['fr', 1, 1, '1 / 1 phrases vérifiées'],
    ['en', 1, 1, '1 / 1 sentence checked'],
    ['en', 2, 5, '2 / 5 sentences checked'],
  ] as const)('%s: %d of %d', (locale, done, total, text) => {
    const html = render(locale, createElement(ProgressBar, { done, total, label: 'x' }));
    expect(textOf(html)).toBe(text);
    // The bar's accessible value stays the bare numbers.
    expect(html).toContain(`aria-valuetext="${done} / ${total}"`);
  });
});

describe('JobProgress', () => {
  it.each([
    ['fr', job({}), 'Import en cours… 42 %'],
    ['fr', job({ status: 'queued', attempts: 1 }), 'En file d’attente (nouvelle tentative)'],
    ['fr', job({ status: 'succeeded', kind: 'report_pdf' }), 'PDF prêt.'],
    ['fr', job({ status: 'failed' }), 'Le traitement a échoué : rien n’a été enregistré.'],
    ['en', job({ kind: 'article_revise' }), 'Revising… 42%'],
    ['en', job({ status: 'queued' }), 'Queued'],
    ['en', job({ status: 'succeeded', kind: 'annotations_import' }), 'Annotations imported.'],
  ] as const)('%s: %o', (locale, value, text) => {
    expect(textOf(render(locale, createElement(JobProgress, { job: value })))).toBe(text);
  });

  it('shows the message of the failed job when it has one', () => {
    const failed = job({ status: 'failed', error: { code: 'x', message: 'Page introuvable.' } });
    expect(textOf(render('en', createElement(JobProgress, { job: failed })))).toBe(
      'Page introuvable.',
    );
  });
});

describe('ConfirmDialog and CopyField', () => {
  // eslint-disable-next-line react/no-children-prop
  const dialog = createElement(ConfirmDialog, {
    open: false,
    title: 'T',
    confirmLabel: 'OK',
    onConfirm: () => {},
    onCancel: () => {},
    children: 'B',
  });
  const copy = createElement(CopyField, { label: 'L', value: 'v', copiedMessage: 'c' });

  it('says « Annuler » and « Copier » in French', () => {
    expect(textOf(render('fr', dialog))).toBe('T B Annuler OK');
    expect(textOf(render('fr', copy))).toBe('L Copier');
  });

  it('says Cancel and Copy in English', () => {
    expect(textOf(render('en', dialog))).toBe('T B Cancel OK');
    expect(textOf(render('en', copy))).toBe('L Copy');
  });
});

describe('SettingsIndex', () => {
  it('lists the settings pages with their French titles and descriptions', () => {
    const html = render('fr', createElement(SettingsIndex));
    expect(html).toContain('aria-label="Pages de réglages"');
    expect(textOf(html)).toBe(
      [
        'Mon compte Le compte connecté, et sa suppression.',
        'Sécurité Votre mot de passe et les navigateurs où votre compte est ouvert.',
        'Jetons d’accès Les jetons qui permettent à vos scripts d’utiliser l’API en votre nom.',
        'Référence de l’API Chaque opération de l’API, ses paramètres et ses réponses, pour vos scripts.',
      ].join(' '),
    );
  });

  it('lists them in English', () => {
    const html = render('en', createElement(SettingsIndex));
    expect(html).toContain('aria-label="Settings pages"');
    expect(textOf(html)).toContain('Access tokens The tokens that let your scripts');
  });
});
