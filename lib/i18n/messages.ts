// The message catalogue: one JSON file per namespace and language under messages/<locale>/,
// imported statically (bundled, no file reads at request time) and merged per language as
// `{ common: …, reader: …, … }`. A new namespace is a file in every language, listed here;
// tests/unit/i18n/catalogue.test.ts checks both languages hold the same keys.
import type { AbstractIntlMessages } from 'next-intl';
import type { Locale } from './locales';
import frCommon from './messages/fr/common.json';
import frReader from './messages/fr/reader.json';
import frArticles from './messages/fr/articles.json';
import frTeams from './messages/fr/teams.json';
import frSettings from './messages/fr/settings.json';
import frAuth from './messages/fr/auth.json';
import frImporting from './messages/fr/importing.json';
import frSearch from './messages/fr/search.json';
import frQueue from './messages/fr/queue.json';
import frJobs from './messages/fr/jobs.json';
import frUi from './messages/fr/ui.json';
import frLabels from './messages/fr/labels.json';
import frErrors from './messages/fr/errors.json';
import frValidation from './messages/fr/validation.json';
import frAudit from './messages/fr/audit.json';
import frReports from './messages/fr/reports.json';
import frNetwork from './messages/fr/network.json';
import enCommon from './messages/en/common.json';
import enReader from './messages/en/reader.json';
import enArticles from './messages/en/articles.json';
import enTeams from './messages/en/teams.json';
import enSettings from './messages/en/settings.json';
import enAuth from './messages/en/auth.json';
import enImporting from './messages/en/importing.json';
import enSearch from './messages/en/search.json';
import enQueue from './messages/en/queue.json';
import enJobs from './messages/en/jobs.json';
import enUi from './messages/en/ui.json';
import enLabels from './messages/en/labels.json';
import enErrors from './messages/en/errors.json';
import enValidation from './messages/en/validation.json';
import enAudit from './messages/en/audit.json';
import enReports from './messages/en/reports.json';
import enNetwork from './messages/en/network.json';

export const NAMESPACES = [
  'common',
  'reader',
  'articles',
  'teams',
  'settings',
  'auth',
  'importing',
  'search',
  'queue',
  'jobs',
  'ui',
  'labels',
  'errors',
  'validation',
  'audit',
  'reports',
  'network',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

const fr = {
  common: frCommon,
  reader: frReader,
  articles: frArticles,
  teams: frTeams,
  settings: frSettings,
  auth: frAuth,
  importing: frImporting,
  search: frSearch,
  queue: frQueue,
  jobs: frJobs,
  ui: frUi,
  labels: frLabels,
  errors: frErrors,
  validation: frValidation,
  audit: frAudit,
  reports: frReports,
  network: frNetwork,
};

/** The French catalogue's shape is the reference: next-intl types `t()` keys from it. */
export type Messages = typeof fr;

// Not `Record<Locale, Messages>`: a key missing in English would then be a type error far from
// its cause; the catalogue test names the missing key paths instead.
export const MESSAGES: Record<Locale, AbstractIntlMessages> = {
  fr,
  en: {
    common: enCommon,
    reader: enReader,
    articles: enArticles,
    teams: enTeams,
    settings: enSettings,
    auth: enAuth,
    importing: enImporting,
    search: enSearch,
    queue: enQueue,
    jobs: enJobs,
    ui: enUi,
    labels: enLabels,
    errors: enErrors,
    validation: enValidation,
    audit: enAudit,
    reports: enReports,
    network: enNetwork,
  },
};

/**
 * Namespaces no client component reads through next-intl: server messages and reports (the
 * server renders them), and the schema and network messages, which the browser code that needs
 * them imports directly (lib/validations/messages.ts, lib/api/client.ts). Left out of the
 * messages every page carries to the browser.
 */
export const SERVER_ONLY_NAMESPACES: readonly Namespace[] = [
  'errors',
  'validation',
  'reports',
  'network',
];

export function clientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  return Object.fromEntries(
    Object.entries(messages).filter(
      ([namespace]) => !(SERVER_ONLY_NAMESPACES as readonly string[]).includes(namespace),
    ),
  );
}
