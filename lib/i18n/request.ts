// next-intl's request configuration (named in next.config.ts): the language, the messages and
// the time zone of the request being rendered. Without i18n routing: URLs carry no language, it
// comes from the account's preference, else the language switch's cookie, else the browser's
// Accept-Language, else French (lib/i18n/negotiate.ts).
import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getCurrentUser } from '@/lib/server/session';
import { getUserPreferences, type UserPreferences } from '@/lib/server/users/get-user-preferences';
import { MESSAGES } from './messages';
import { LOCALE_COOKIE } from './locales';
import { chooseLocale } from './negotiate';
import { DEFAULT_TIME_ZONE, FORMATS } from './format';

async function signedInPreferences(): Promise<UserPreferences | null> {
  try {
    const user = await getCurrentUser();
    return user ? await getUserPreferences({ userId: user.id }) : null;
  } catch {
    // The database away: the page's own getCurrentUser() call fails the same way (cached) and
    // reaches its error boundary, which must still render — in the browser's language.
    return null;
  }
}

export default getRequestConfig(async () => {
  const [preferences, cookieStore, requestHeaders] = await Promise.all([
    signedInPreferences(),
    cookies(),
    headers(),
  ]);
  const locale = chooseLocale({
    userLocale: preferences?.locale,
    cookieLocale: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: requestHeaders.get('accept-language'),
  });
  return {
    locale,
    messages: MESSAGES[locale],
    timeZone: preferences?.timeZone ?? DEFAULT_TIME_ZONE,
    formats: FORMATS,
  };
});
