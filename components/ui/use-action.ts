'use client';
// The one way a component runs a call to the server and tells how it went: `pending` while it
// runs (controls disabled, « Création… » labels), `error` in words when it failed (through
// errorMessage(), or the component's own wording from the catalogue), cleared when the next run
// starts.
//
// Plain state rather than React 19's useTransition or useActionState: a transition's isPending
// also waits for the router.refresh() / router.push() issued inside it, so buttons would stay
// disabled for the page's reload (and for good while offline) — a change of behaviour; and
// useActionState queues runs one after another and is shaped for FormData actions, while these
// components send JSON from controlled inputs (the sign-up form, a real form action, keeps it).
import { useState } from 'react';
import { errorMessage } from '@/lib/api/client';

export interface ActionOptions<Args extends unknown[]> {
  /**
   * On success the page goes elsewhere (router.push, signOut): stay pending until it has, so
   * the control cannot be used a second time meanwhile. A failure ends pending as usual.
   */
  keepPendingOnSuccess?: boolean;
  /** Names the run in `pendingKey`, for lists where each row shows its own « Révocation… ». */
  key?: (...args: Args) => string;
  /**
   * The text to show for a failure (by default errorMessage()); null when the action showed it
   * another way (next to a field).
   */
  message?: (error: unknown, ...args: Args) => string | null;
}

export interface Action<Args extends unknown[]> {
  /** Runs the action; resolves true when it succeeded, false when it failed (never rejects). */
  run: (...args: Args) => Promise<boolean>;
  pending: boolean;
  /** The `key` of the run in progress, or null. */
  pendingKey: string | null;
  error: string | null;
  /** For the component's own checks before a run (« Choisissez le verdict final. »). */
  setError: (message: string | null) => void;
  clearError: () => void;
}

export function useAction<Args extends unknown[]>(
  action: (...args: Args) => Promise<unknown>,
  options: ActionOptions<Args> = {},
): Action<Args> {
  const [running, setRunning] = useState<{ key: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(...args: Args): Promise<boolean> {
    setRunning({ key: options.key?.(...args) ?? null });
    setError(null);
    try {
      await action(...args);
      if (!options.keepPendingOnSuccess) setRunning(null);
      return true;
    } catch (e) {
      setError(options.message ? options.message(e, ...args) : errorMessage(e));
      setRunning(null);
      return false;
    }
  }

  return {
    run,
    pending: running !== null,
    pendingKey: running?.key ?? null,
    error,
    setError,
    clearError: () => setError(null),
  };
}
