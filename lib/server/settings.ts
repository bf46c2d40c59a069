// Whole-number settings from the environment, one reader for every module: a value that is not a
// whole number in range is ignored with a warning (a typo must not stop the server).
import 'server-only';
import { logger } from '@/lib/server/log';

export function wholeNumber(name: string, fallback: number, min = 1): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (Number.isSafeInteger(value) && value >= min) return value;
  logger.warn({ setting: name, value: raw }, `${name} ignored: not a whole number ≥ ${min}`);
  return fallback;
}
