// A native <select> styled like TextInput (components/ui/field.tsx): put it inside a Field so
// it gets its label; the browser gives it keyboard handling, and globals.css its focus ring.
import type { SelectHTMLAttributes } from 'react';

// Same classes as field.tsx's CONTROL (kept in step by hand until field.tsx exports them).
const CONTROL =
  'mt-1 block w-full rounded-md border border-stone-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-blue-600';

export function SelectInput({ className = '', ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select {...props} className={`${CONTROL} ${className}`} />;
}
