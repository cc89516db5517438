import type { Claim, ClaimReview, Verdict } from '@claimdesk/contracts';

/** schema.org's ClaimReview (https://schema.org/ClaimReview), the shape fact-check readers index. */
export interface ClaimReviewInput {
  claim: Claim;
  verdict: Verdict;
  article: { id: string; title: string; publishedOn: string | null; outlet: string | null; url: string | null };
  organisation: { name: string; url: string | null };
  /** Public base URL of this installation (CLAIMDESK_PUBLIC_URL), e.g. https://claimdesk.example.org; null when not configured. */
  baseUrl: string | null;
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
  // Links are only given when they are known: a guessed http://localhost would send readers nowhere.
  const base = baseUrl?.replace(/\/+$/, '');
  const rating = RATING[verdict.status];
  const claimText = claim.figure && claim.sourceCanonical ? `${claim.sourceCanonical}: ${claim.text}` : claim.text;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    // The review's page: the article in this installation with the claim selected.
    url: base ? `${base}/articles/${encodeURIComponent(article.id)}?claim=${encodeURIComponent(claim.id)}` : undefined,
    claimReviewed: claimText,
    datePublished: verdict.createdAt.slice(0, 10),
    author: { '@type': 'Organization', name: organisation.name, url: organisation.url ?? undefined },
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
        // Where the claim was published: the article's original address, not this app.
        url: article.url ?? undefined,
        headline: article.title,
        datePublished: article.publishedOn ?? undefined,
        publisher: article.outlet ? { '@type': 'Organization', name: article.outlet } : undefined,
      },
    },
    citation:
      verdict.references.length > 0
        ? verdict.references.map((r) => ({
            '@type': 'Dataset' as const,
            name: r.dataset,
            url: r.url,
            license: r.licence,
            publisher: { '@type': 'Organization' as const, name: r.publisher },
            description: `${r.qualifier === 'exact' ? '' : `${r.qualifier.replace('_', ' ')} `}${r.value} ${r.category.replaceAll('_', ' ')} (${r.subject}'s losses) on ${r.date}`,
            temporalCoverage: r.date,
            variableMeasured: r.category,
          }))
        : undefined,
  };
}
