-- The search fold changed (apps/api/src/search/fold.ts: letter classes for Ukrainian/Russian
-- transliteration, and words stored after a space so that a search matches the start of a word).
-- Hand-written: empty search text is filled again in the folded form by `claimdesk serve` in the
-- background (fillSearchText), as for rows stored before search existed. No schema change.
UPDATE "Article" SET "searchText" = '' WHERE "searchText" <> '';
UPDATE "Claim" SET "searchText" = '' WHERE "searchText" <> '';
