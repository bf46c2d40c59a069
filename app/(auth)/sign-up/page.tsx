import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/lib/server/session';
import { authPageQuerySchema } from '@/lib/validations/query';
import { SignUpForm } from './sign-up-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.signUp');
  return { title: t('metaTitle') };
}

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Only same-site paths: never bounce a user to another origin after sign-up.
  const { callbackUrl: next } = authPageQuerySchema.parse(await searchParams);
  if (await getCurrentUser()) redirect(next);
  const t = await getTranslations('auth.signUp');
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-lg font-semibold">{t('title')}</h1>
      <SignUpForm callbackUrl={next} />
      <p className="mt-4 text-sm text-stone-600">
        {t.rich('alreadyRegistered', {
          link: (chunks) => (
            <Link
              className="font-medium text-blue-700 underline"
              href={next === '/' ? '/sign-in' : `/sign-in?callbackUrl=${encodeURIComponent(next)}`}
            >
              {chunks}
            </Link>
          ),
        })}
      </p>
    </div>
  );
}
