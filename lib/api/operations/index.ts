// The registry of every /api/v1 operation, one entry per exported route handler under
// app/api/v1 (a unit test checks both ways). lib/api/openapi.ts generates the document from it
// and lib/api/respond.ts checks real responses against it (FACTDESK_CHECK_RESPONSES=1).
import { annotationOperations, jobOperations } from './annotations';
import { articleOperations } from './articles';
import { meOperations } from './me';
import { sentenceOperations } from './sentences';
import type { Operation } from './shared';
import { teamOperations } from './teams';

export type { Operation, ResponseSpec } from './shared';

export const OPERATIONS: readonly Operation[] = [
  ...meOperations,
  ...articleOperations,
  ...annotationOperations,
  ...jobOperations,
  ...sentenceOperations,
  ...teamOperations,
];

export const TAGS = [
  { name: 'articles', description: 'Articles, their live stream, agreement and reports' },
  { name: 'sentences', description: 'Sentences: detail, assignment, history' },
  { name: 'verdicts', description: 'The review workflow: write, submit, approve, reject, settle' },
  { name: 'comments', description: 'Threaded comments on sentences and highlights' },
  { name: 'annotations', description: 'Highlights (W3C Web Annotation selectors)' },
  { name: 'jobs', description: 'Work done by a worker: large imports, corrections, PDF reports' },
  { name: 'teams', description: 'Teams, members, audit trail' },
  { name: 'invitations', description: 'Invitation links to join a team' },
  {
    name: 'fact-checks',
    description: 'Other fact-checkers’ ClaimReviews: imports, feeds, trusted publishers',
  },
  { name: 'tokens', description: 'Personal access tokens for scripts' },
  { name: 'me', description: 'Your account and your work queue' },
  { name: 'meta', description: 'This document' },
];

let compiled: { method: string; pattern: RegExp; operation: Operation }[] | null = null;

/** The operation answering `method` on `pathname` (`/api/v1/articles/…`), or null. */
export function findOperation(method: string, pathname: string): Operation | null {
  // Compiled once, on first use: `{id}` matches one path segment.
  compiled ??= OPERATIONS.map((operation) => ({
    method: operation.method.toUpperCase(),
    pattern: new RegExp(
      `^${operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`,
    ),
    operation,
  }));
  const upper = method.toUpperCase();
  for (const entry of compiled) {
    if (entry.method === upper && entry.pattern.test(pathname)) return entry.operation;
  }
  return null;
}
