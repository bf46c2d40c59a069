// How long this process's event loop was held up: a 10 ms timer records, each time it fires,
// how late it is (a perf_hooks histogram). Node's own monitorEventLoopDelay was tried and under-
// reports a single long block on Node 20 (a 120 ms block read as 10 ms). The figure the budget
// on every request keeps low; read by GET /api/health (the bench resets it with `?reset=1`).
import 'server-only';
import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';

const TICK_MS = 10;

const globalForLoop = globalThis as unknown as { factdeskLoopDelay?: RecordableHistogram };

function histogram(): RecordableHistogram {
  if (!globalForLoop.factdeskLoopDelay) {
    const h = createHistogram();
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      // Nanoseconds late (a histogram records integers of at least 1).
      h.record(Math.max(1, Math.round((now - last - TICK_MS) * 1e6)));
      last = now;
    }, TICK_MS);
    timer.unref();
    globalForLoop.factdeskLoopDelay = h;
  }
  return globalForLoop.factdeskLoopDelay;
}

export interface LoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  samples: number;
}

/** The delays since the process started (or the last reset), in milliseconds. */
export function eventLoopDelay(options: { reset?: boolean } = {}): LoopDelay {
  const h = histogram();
  const ms = (ns: number) => Math.round((ns / 1e6) * 10) / 10;
  const delay = {
    p50Ms: h.count ? ms(h.percentile(50)) : 0,
    p99Ms: h.count ? ms(h.percentile(99)) : 0,
    maxMs: h.count ? ms(h.max) : 0,
    samples: h.count,
  };
  if (options.reset) h.reset();
  return delay;
}

// Measured from the first import on (the health route imports this module).
histogram();
