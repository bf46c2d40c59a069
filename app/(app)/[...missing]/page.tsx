import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

// Any address no page of the app matches (/settings/nope, a mistyped link): the app's own
// not-found (../not-found.tsx) inside the app's layout, instead of Next.js's bare 404. Static
// and dynamic routes, route handlers and metadata files (icon, favicon) match before this.
export const metadata: Metadata = { title: 'Introuvable' };

export default function MissingPage(): never {
  notFound();
}
