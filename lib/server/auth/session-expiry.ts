// Browser sessions as rows: the next-auth JWT only carries the session's id (`sid`), and every
// request reads the row (one primary-key lookup that also returns the user), so a session ends
// the moment it is revoked — by signing out, by "sign out everywhere", by a password change —
// instead of living on until its JWT expires. Idle sessions end after SESSION_MAX_AGE_SECONDS,
// like the JWT (the expiry slides with use, refreshed at most once a minute).
import 'server-only';

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** When a session used now ends if it is not used again. */
export const sessionExpiry = () => new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
