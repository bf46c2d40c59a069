import { LanguageSwitch } from '@/components/layout/language-switch';

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-12">
      {/* Signed out: the choice is kept in a cookie only. */}
      <div className="mb-6 flex justify-end">
        <LanguageSwitch signedIn={false} />
      </div>
      <p className="mb-8 text-center text-2xl font-semibold tracking-tight">
        Fact<span className="text-blue-700">Desk</span>
      </p>
      {children}
    </main>
  );
}
