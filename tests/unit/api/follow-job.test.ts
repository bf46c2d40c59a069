// followJob: the event stream while it speaks, polling when it errors or stays silent, the
// job's own error on failure, nothing left running after succeeded, failed or abort.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/client';
import {
  FIRST_EVENT_TIMEOUT_MS,
  followJob,
  JobFailedError,
  POLL_INTERVAL_MS,
} from '@/lib/api/follow-job';
import type { JobDto } from '@/lib/api/job-types';
import { jobDto } from '@/lib/validations/dto/job';

const JOB_ID = '6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b';
const ARTICLE_ID = '0b7e4c1d-2a3f-4b5c-9d6e-7f8a9b0c1d2e';

function job(overrides: Partial<JobDto> = {}): JobDto {
  return {
    id: JOB_ID,
    kind: 'article_import',
    status: 'queued',
    progress: 0,
    articleId: null,
    resultUrl: null,
    pageUrl: null,
    result: null,
    error: null,
    attempts: 0,
    createdAt: '2026-12-01T10:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}

const SUCCEEDED = job({
  status: 'succeeded',
  progress: 1,
  articleId: ARTICLE_ID,
  pageUrl: `/articles/${ARTICLE_ID}`,
  resultUrl: `/api/v1/articles/${ARTICLE_ID}`,
});
const FAILED = job({
  status: 'failed',
  error: { code: 'conflict', message: 'L’article a été modifié entre-temps : rechargez-le.' },
});

class FakeEventSource {
  static instances: FakeEventSource[] = [];
  onmessage: ((message: MessageEvent<string>) => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  close() {
    this.closed = true;
  }
  emit(data: unknown) {
    if (this.closed) return;
    this.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) } as never);
  }
  fail() {
    if (!this.closed) this.onerror?.();
  }
}

/** Answers GET /api/v1/jobs/{id} with the next of `answers` (the last one repeats). */
function stubFetch(answers: (JobDto | 'network' | number)[]) {
  const calls: string[] = [];
  const fetchMock = vi.fn(async (url: string) => {
    calls.push(url);
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
    if (answer === 'network') throw new TypeError('Failed to fetch');
    if (typeof answer === 'number') {
      return new Response(
        JSON.stringify({ error: { code: 'not_found', message: 'Introuvable.' } }),
        {
          status: answer,
        },
      );
    }
    return new Response(JSON.stringify({ job: answer }), { status: 200 });
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('followJob', () => {
  it('follows the event stream and resolves with the succeeded job', async () => {
    const calls = stubFetch([]);
    const updates: JobDto[] = [];
    const done = followJob(JOB_ID, (j) => updates.push(j));
    const source = FakeEventSource.instances[0]!;
    expect(source.url).toBe(`/api/v1/jobs/${JOB_ID}/events`);
    source.emit(job());
    source.emit(job()); // unchanged: not reported twice
    source.emit('not json');
    source.emit({ unrelated: true });
    source.emit(job({ status: 'running', progress: 0.5 }));
    source.emit(SUCCEEDED);
    await expect(done).resolves.toEqual(SUCCEEDED);
    expect(updates.map((u) => [u.status, u.progress])).toEqual([
      ['queued', 0],
      ['running', 0.5],
      ['succeeded', 1],
    ]);
    expect(source.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(FIRST_EVENT_TIMEOUT_MS * 2);
    expect(calls).toEqual([]);
  });

  it('rejects a failed job with its own code and message', async () => {
    stubFetch([]);
    const done = followJob(JOB_ID, () => {});
    FakeEventSource.instances[0]!.emit(FAILED);
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailedError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'conflict', message: FAILED.error!.message, job: FAILED });
    expect(FakeEventSource.instances[0]!.closed).toBe(true);
  });

  it('polls every 1.5 s once the stream errors, until the job is over', async () => {
    const calls = stubFetch([
      job({ status: 'running', progress: 0.2 }),
      job({ status: 'running', progress: 0.2 }),
      SUCCEEDED,
    ]);
    const updates: JobDto[] = [];
    const done = followJob(JOB_ID, (j) => updates.push(j));
    const source = FakeEventSource.instances[0]!;
    source.emit(job());
    source.fail();
    expect(source.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([`/api/v1/jobs/${JOB_ID}`]);
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    await expect(done).resolves.toEqual(SUCCEEDED);
    expect(updates.map((u) => u.status)).toEqual(['queued', 'running', 'succeeded']);
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 4);
    expect(calls).toHaveLength(3);
  });

  it('polls when the stream stays silent (a buffering proxy)', async () => {
    const calls = stubFetch([SUCCEEDED]);
    const done = followJob(JOB_ID, () => {});
    await vi.advanceTimersByTimeAsync(FIRST_EVENT_TIMEOUT_MS - 1);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await expect(done).resolves.toEqual(SUCCEEDED);
    expect(FakeEventSource.instances[0]!.closed).toBe(true);
  });

  it('keeps polling through network errors, and rejects on a 404', async () => {
    const calls = stubFetch(['network', 'network', 404]);
    const done = followJob(JOB_ID, () => {});
    const caught = done.catch((e: unknown) => e);
    FakeEventSource.instances[0]!.fail();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 2); // backs off after a failure
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 4);
    expect(calls).toHaveLength(3);
    expect(await caught).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('stops the stream and the polls on abort', async () => {
    const calls = stubFetch([job({ status: 'running' })]);
    const controller = new AbortController();
    const done = followJob(JOB_ID, () => {}, controller.signal);
    const caught = done.catch((e: unknown) => e);
    FakeEventSource.instances[0]!.fail();
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    expect(await caught).toMatchObject({ code: 'aborted' });
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 10);
    expect(calls).toHaveLength(1);
  });

  it('does not start when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(followJob(JOB_ID, () => {}, controller.signal)).rejects.toMatchObject({
      code: 'aborted',
    });
    expect(FakeEventSource.instances).toHaveLength(0);
  });
});

describe('jobDto (the one schema of the server and the browser)', () => {
  it('accepts every state the server sends', () => {
    for (const value of [job(), SUCCEEDED, FAILED]) {
      expect(jobDto.parse(value)).toEqual(value);
    }
  });

  it('refuses what the server never sends: a field it does not declare, a non-uuid id', () => {
    expect(jobDto.safeParse({ ...SUCCEEDED, secret: 'x' }).success).toBe(false);
    expect(jobDto.safeParse({ ...SUCCEEDED, articleId: 'a1' }).success).toBe(false);
  });

  it('is what the stream listener parses: an event with an undeclared field is ignored', async () => {
    stubFetch([]);
    const updates: JobDto[] = [];
    void followJob(JOB_ID, (j) => updates.push(j));
    const source = FakeEventSource.instances[0]!;
    source.emit({ ...job(), secret: 'x' });
    source.emit(job({ status: 'running', progress: 0.5 }));
    expect(updates.map((u) => u.status)).toEqual(['running']);
  });
});
