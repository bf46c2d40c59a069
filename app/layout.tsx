import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { clientMessages } from '@/lib/i18n/messages';
import { localeDirection } from '@/lib/i18n/locales';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return {
    title: { default: 'FactDesk', template: '%s · FactDesk' },
    description: t('metadata.description'),
  };
}

// The language of the request (lib/i18n/request.ts) sets <html lang> and dir; client components
// get its messages (without the namespaces only the server reads), locale and time zone from
// NextIntlClientProvider.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale} dir={localeDirection(locale)}>
      <body className="min-h-screen">
        <NextIntlClientProvider messages={clientMessages(messages)}>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
