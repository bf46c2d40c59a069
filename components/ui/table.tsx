// The app's data tables (members, invitations, tokens, sessions, the journal): a real <table>
// named by its caption (hidden unless asked, so `getByRole('table', { name })` and screen
// readers find it), column headers with scope, and a scrolling frame so a wide table never
// widens the page on a phone. Server or client components alike: no state here.
import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';

export function Table({
  caption,
  showCaption = false,
  children,
}: {
  /** Names the table; read by screen readers, shown only with `showCaption`. */
  caption: ReactNode;
  showCaption?: boolean;
  /** A TableHead and a TableBody. */
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption
          className={
            showCaption ? 'px-4 py-2 text-left text-sm font-semibold text-stone-800' : 'sr-only'
          }
        >
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

/** The header row: ColumnHeader cells. */
export function TableHead({ children }: { children: ReactNode }) {
  return (
    <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-500">
      <tr>{children}</tr>
    </thead>
  );
}

/**
 * A column's header. `hiddenLabel`: the column has no visible title (row actions) but keeps an
 * accessible one.
 */
export function ColumnHeader({
  children,
  hiddenLabel = false,
  className = '',
  ...props
}: ThHTMLAttributes<HTMLTableCellElement> & { hiddenLabel?: boolean }) {
  return (
    <th scope="col" className={`px-4 py-2 font-semibold ${className}`} {...props}>
      {hiddenLabel ? <span className="sr-only">{children}</span> : children}
    </th>
  );
}

export function TableBody({
  children,
  alignTop = false,
}: {
  children: ReactNode;
  /** Rows of uneven height (long texts) read better from the top. */
  alignTop?: boolean;
}) {
  return (
    <tbody className={`divide-y divide-stone-100 ${alignTop ? 'align-top' : ''}`}>{children}</tbody>
  );
}

/** A data cell with the table's padding; `className` adds colour, alignment, width. */
export function Cell({ className = '', ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`px-4 py-2 ${className}`} {...props} />;
}
