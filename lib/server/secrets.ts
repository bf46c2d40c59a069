// Secrets handed to people once (invitation links, access tokens): 256 random bits, and only
// their SHA-256 kept. A fast hash is right here: unlike passwords, these cannot be guessed.
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

export function newSecret(prefix: string): { token: string; hash: string } {
  const token = `${prefix}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashSecret(token) };
}

export function hashSecret(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
