// The public addresses of a team's published fact-checks (app/p/**). Pure.

export interface PublicationUrls {
  /** The team's public index of published fact-checks. */
  index: string;
  /** The article's fact-check page (ClaimReview `url` is it plus `#sentence-N`). */
  page: string;
}

export function teamPublicUrls(baseUrl: string, teamSlug: string) {
  const index = new URL(`/p/${teamSlug}`, baseUrl).toString();
  return {
    index,
    claimReviewFeed: new URL(`/p/${teamSlug}/feed.json`, baseUrl).toString(),
    atomFeed: new URL(`/p/${teamSlug}/feed.atom`, baseUrl).toString(),
  };
}

export function publicationUrls(
  baseUrl: string,
  teamSlug: string,
  articleSlug: string,
): PublicationUrls {
  return {
    index: teamPublicUrls(baseUrl, teamSlug).index,
    page: new URL(`/p/${teamSlug}/${articleSlug}`, baseUrl).toString(),
  };
}
