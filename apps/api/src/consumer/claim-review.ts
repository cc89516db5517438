import type { Claim, ClaimReview, Verdict } from '@claimdesk/contracts';

/** schema.org's ClaimReview (https://schema.org/ClaimReview), the shape fact-check readers index. */
export interface ClaimReviewInput {
  claim: Claim;
  verdict: Verdict;
  article: { id: string; title: string; publishedOn: string | null; outlet: string | null };
  organisation: { name: string; url: string };
  /** Public base URL of this installation, e.g. https://claimdesk.example.org */
  baseUrl: string;
}

const RATING: Record<Verdict['status'], { value: number; label: Verdict['status'] }> = {
  verified: { value: 3, label: 'verified' },
  unverifiable: { value: 2, label: 'unverifiable' },
  disputed: { value: 1, label: 'disputed' },
};

/**
 * Ministries, staffs, governments and countries ("Ukraine", one word) speak as organisations;
 * a named person ("Dmitry Peskov") as a person.
 */
const ORGANISATION_WORDS =
  /\b(ministry|ministries|kremlin|government|office|staff|forces|army|command|council|service|agency|department|committee|administration|military|armed|police|embassy|un|nato)\b/i;
export function isOrganisationName(name: string): boolean {
  return ORGANISATION_WORDS.test(name) || !/\S\s+\S/.test(name.trim());
}

export function toClaimReview({ claim, verdict, article, organisation, baseUrl }: ClaimReviewInput): ClaimReview {
  const base = baseUrl.replace(/\/+$/, '');
  const articleUrl = `${base}/articles/${encodeURIComponent(article.id)}`;
  const rating = RATING[verdict.status];
  const claimText = claim.figure && claim.sourceCanonical ? `${claim.sourceCanonical}: ${claim.text}` : claim.text;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    // The app's page for this claim: the article with the claim selected.
    url: `${articleUrl}?claim=${encodeURIComponent(claim.id)}`,
    claimReviewed: claimText,
    datePublished: verdict.createdAt.slice(0, 10),
    author: { '@type': 'Organization', name: organisation.name, url: organisation.url },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: rating.value,
      bestRating: 3,
      worstRating: 1,
      alternateName: rating.label,
      ratingExplanation: verdict.note,
    },
    itemReviewed: {
      '@type': 'Claim',
      author: claim.sourceCanonical
        ? {
            '@type': isOrganisationName(claim.sourceCanonical) ? 'Organization' : 'Person',
            name: claim.sourceCanonical,
          }
        : { '@type': 'Organization', name: article.outlet ?? 'unknown' },
      datePublished: claim.asOf ?? article.publishedOn ?? undefined,
      appearance: {
        '@type': 'CreativeWork',
        url: articleUrl,
        headline: article.title,
        datePublished: article.publishedOn ?? undefined,
        publisher: article.outlet ? { '@type': 'Organization', name: article.outlet } : undefined,
      },
    },
  };
}
