// The absolute address FactDesk is reached at, for links that leave the app (ClaimReview `url`).
// A configured public URL wins over the request's own origin, which a proxy may have rewritten.
export function publicBaseUrl(request: Request): string {
  return process.env.FACTDESK_PUBLIC_URL ?? process.env.NEXTAUTH_URL ?? new URL(request.url).origin;
}
