// The "device cookie" of OWASP's scheme against online password guessing ("Slow Down Online
// Guessing Attacks with Device Cookies"): after a successful sign-in the browser gets a signed
// cookie naming the account and a random device id. A sign-in that presents a valid one for the
// account is from a known device: failures elsewhere (an attacker trying the account from any
// number of addresses) never lock it out; only its own failures slow it down.
import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const DEVICE_COOKIE = 'factdesk.device';
const MAX_AGE_SECONDS = 365 * 24 * 3600;
const VERSION = 'v1';

function secret(): string {
  const value = process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error('NEXTAUTH_SECRET is not set: device cookies cannot be signed');
  return value;
}

function mac(payload: string): string {
  return createHmac('sha256', `factdesk-device:${secret()}`).update(payload).digest('base64url');
}

export interface Device {
  userId: string;
  /** Random per sign-in; failures with this cookie are counted under it. */
  deviceId: string;
}

/** A new device cookie's value for `userId`. */
export function newDeviceCookie(userId: string): { value: string; device: Device } {
  const deviceId = randomBytes(16).toString('base64url');
  const payload = `${VERSION}.${userId}.${deviceId}`;
  return { value: `${payload}.${mac(payload)}`, device: { userId, deviceId } };
}

/** The device a cookie value names, or null when it is missing, malformed or not ours. */
export function readDeviceCookie(value: string | undefined | null): Device | null {
  if (!value || value.length > 200) return null;
  const parts = value.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const [, userId, deviceId, signature] = parts as [string, string, string, string];
  const expected = Buffer.from(mac(`${VERSION}.${userId}.${deviceId}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, deviceId };
}

/** The device cookie of a request's Cookie header. */
export function deviceCookieOf(headers: Headers): Device | null {
  const cookies = headers.get('cookie') ?? '';
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === DEVICE_COOKIE) return readDeviceCookie(decodeURIComponent(rest.join('=')));
  }
  return null;
}

/** The Set-Cookie header for a device cookie (sent only to the sign-in routes). */
export function deviceCookieHeader(value: string, secure: boolean): string {
  return [
    `${DEVICE_COOKIE}=${value}`,
    'Path=/api/auth',
    `Max-Age=${MAX_AGE_SECONDS}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
