import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/server/session';
import { SignUpForm } from './sign-up-form';

export const metadata: Metadata = { title: 'Créer un compte' };

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect('/');
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-lg font-semibold">Créer un compte</h1>
      <SignUpForm />
      <p className="mt-4 text-sm text-stone-600">
        Déjà inscrit ?{' '}
        <Link className="font-medium text-blue-700 underline" href="/sign-in">
          Se connecter
        </Link>
      </p>
    </div>
  );
}
