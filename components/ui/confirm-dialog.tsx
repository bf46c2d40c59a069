'use client';
// A modal confirmation for what cannot be undone, on the native <dialog>: showModal() keeps
// focus inside and makes the rest of the page inert, Escape cancels, the dialog is named by its
// title and described by its text. Focus starts on "Annuler" (the safe choice) and goes back
// to the control that opened it when it closes. `useConfirm` is the drop-in for
// `window.confirm`: `if (!(await confirm({ … }))) return;`, with its dialog rendered once.
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button } from './button';

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pendingLabel,
  pending = false,
  error = null,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  /** What will happen, in plain words. */
  children: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  pending?: boolean;
  /** Why the last try failed, shown in the dialog. */
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations('ui.confirmDialog');
  const ref = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<Element | null>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      openerRef.current = document.activeElement;
      dialog.showModal();
      dialog.querySelector<HTMLButtonElement>('[data-cancel]')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      if (openerRef.current instanceof HTMLElement) openerRef.current.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={textId}
      // Escape: the browser fires `cancel`; the parent decides (not while a request runs).
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-stone-200 bg-white p-5 text-stone-900 shadow-xl backdrop:bg-stone-900/40"
    >
      <h2 id={titleId} className="text-base font-semibold">
        {title}
      </h2>
      <div id={textId} className="mt-2 space-y-2 text-sm text-stone-700">
        {children}
      </div>
      {error ? (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <Button data-cancel variant="secondary" onClick={onCancel} disabled={pending}>
          {t('cancel')}
        </Button>
        <Button variant="destructive" onClick={onConfirm} disabled={pending}>
          {pending ? (pendingLabel ?? confirmLabel) : confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}

export interface ConfirmRequest {
  title: string;
  /** What will happen, in plain words. */
  body: ReactNode;
  confirmLabel: string;
}

/**
 * Asks in a ConfirmDialog and answers true (confirmed) or false (cancelled, Escape). Render the
 * returned element once, anywhere in the component. A new question answers the open one false.
 */
export function useConfirm(): [(request: ConfirmRequest) => Promise<boolean>, ReactNode] {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const resolveRef = useRef<((confirmed: boolean) => void) | null>(null);

  const confirm = useCallback((next: ConfirmRequest) => {
    resolveRef.current?.(false);
    return new Promise<boolean>((resolve) => {
      resolveRef.current = resolve;
      setRequest(next);
    });
  }, []);

  function settle(confirmed: boolean) {
    const resolve = resolveRef.current;
    resolveRef.current = null;
    setRequest(null);
    resolve?.(confirmed);
  }

  const dialog = (
    <ConfirmDialog
      open={request !== null}
      title={request?.title ?? ''}
      confirmLabel={request?.confirmLabel ?? ''}
      onConfirm={() => settle(true)}
      onCancel={() => settle(false)}
    >
      {request?.body}
    </ConfirmDialog>
  );
  return [confirm, dialog];
}
