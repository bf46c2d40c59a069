import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

// Any address no page of the app matches (/settings/nope, a mistyped link): the app's own
// not-found (../not-found.tsx) inside the app's layout, instead of Next.js's bare 404. Static
// and dynamic routes, route handlers and metadata files (icon, favicon) match before this.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('ui.notFound');
  return { title: t('metaTitle') };
}

export default function MissingPage(): never {
  notFound();
}
