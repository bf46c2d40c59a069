// What the reader's parts share: the shape of a unit and of the selection the toolbar shows,
// and small DOM helpers to find and focus a sentence and the selection toolbar. No React.
import type { TextRange } from '@/lib/anchoring/types';
import type { ArticleDetail } from '@/lib/server/articles/get-article';

/** A sentence, heading or paywall notice of the article (`#unit-{id}` in the page). */
export type Unit = ArticleDetail['sentences'][number];

export interface ReaderSelection {
  range: TextRange;
  rect: DOMRect;
  /** Made from the keyboard: the toolbar takes the focus. */
  source: 'pointer' | 'keyboard';
}

export function toolbarElement(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-selection-toolbar]');
}

export function toolbarHasFocus(): boolean {
  return toolbarElement()?.contains(document.activeElement) ?? false;
}

export function focusToolbar(): void {
  toolbarElement()
    ?.querySelector<HTMLButtonElement>('[data-highlight-button]')
    ?.focus({ preventScroll: true });
}

export function focusUnit(id: string): void {
  document.getElementById(`unit-${id}`)?.focus();
}
