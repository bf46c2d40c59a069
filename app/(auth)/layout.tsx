export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-12">
      <p className="mb-8 text-center text-2xl font-semibold tracking-tight">
        Fact<span className="text-blue-700">Desk</span>
      </p>
      {children}
    </main>
  );
}
