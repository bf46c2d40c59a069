import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/lib/server/session';
import { authPageQuerySchema } from '@/lib/validations/query';
import { SignInForm } from './sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.signIn');
  return { title: t('metaTitle') };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Only same-site paths: never bounce a user to another origin after sign-in.
  const { callbackUrl: next, created } = authPageQuerySchema.parse(await searchParams);
  if (await getCurrentUser()) redirect(next);
  const t = await getTranslations('auth.signIn');
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-lg font-semibold">{t('title')}</h1>
      {created ? (
        <p className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800" role="status">
          {t('created')}
        </p>
      ) : null}
      <SignInForm callbackUrl={next} />
      <p className="mt-4 text-sm text-stone-600">
        {t.rich('noAccount', {
          link: (chunks) => (
            <Link
              className="font-medium text-blue-700 underline"
              // An invitation link (or any page) survives the detour through sign-up.
              href={next === '/' ? '/sign-up' : `/sign-up?callbackUrl=${encodeURIComponent(next)}`}
            >
              {chunks}
            </Link>
          ),
        })}
      </p>
    </div>
  );
}
