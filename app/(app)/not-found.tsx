import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-6">
      <h1 className="text-lg font-semibold">Introuvable</h1>
      <p className="mt-2 text-stone-600">
        Cette page n’existe pas, ou elle appartient à une rédaction dont vous n’êtes pas membre.
      </p>
      <Link href="/" className="mt-4 inline-block text-blue-700 underline">
        Retour aux articles
      </Link>
    </div>
  );
}
