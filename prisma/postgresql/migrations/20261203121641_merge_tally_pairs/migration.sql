-- One claim per span (data only, no schema change). A statement whose content is exactly its one
-- figure (a tally line of the MoD reports, "tanks - 732 od") used to be two claims with the same text,
-- judged apart. Each pair becomes the figure claim: the statement claim verdicts and corrections
-- move to it (one history, the latest verdict of either is current), its version counts both
-- histories (a page holding either old version gets 409, never a silent overwrite), each change is
-- in the feed, and the statement claim goes (v1 sync lists it as removed). Consumers see the
-- latest published verdict of either (drafts stay drafts).
CREATE TABLE "_TallyPair" ("statementClaimId" TEXT NOT NULL PRIMARY KEY, "figureClaimId" TEXT NOT NULL);

INSERT INTO "_TallyPair" ("statementClaimId", "figureClaimId")
SELECT s."id", f."id"
FROM "Claim" AS s
JOIN "Claim" AS f
  ON f."statementId" = s."statementId" AND f."kind" = 'figure' AND f."start" = s."start" AND f."end" = s."end"
WHERE s."kind" = 'statement'
  AND (SELECT COUNT(*) FROM "Claim" AS o WHERE o."statementId" = s."statementId" AND o."kind" = 'figure') = 1;

UPDATE "Verdict"
SET "claimId" = (SELECT p."figureClaimId" FROM "_TallyPair" AS p WHERE p."statementClaimId" = "Verdict"."claimId")
WHERE "claimId" IN (SELECT "statementClaimId" FROM "_TallyPair");

UPDATE "ClaimCorrection"
SET "claimId" = (SELECT p."figureClaimId" FROM "_TallyPair" AS p WHERE p."statementClaimId" = "ClaimCorrection"."claimId")
WHERE "claimId" IN (SELECT "statementClaimId" FROM "_TallyPair");

UPDATE "Claim"
SET
  "version" = "version" + (
    SELECT s."version" FROM "Claim" AS s JOIN "_TallyPair" AS p ON p."statementClaimId" = s."id"
    WHERE p."figureClaimId" = "Claim"."id"
  ),
  "status" = COALESCE(
    (SELECT v."status" FROM "Verdict" AS v WHERE v."claimId" = "Claim"."id" ORDER BY v."createdAt" DESC, v."version" DESC LIMIT 1),
    'pending'
  ),
  "publishedStatus" = COALESCE(
    (SELECT v."status" FROM "Verdict" AS v
     WHERE v."claimId" = "Claim"."id" AND v."publishedAt" IS NOT NULL AND v."retractedAt" IS NULL
     ORDER BY v."createdAt" DESC, v."version" DESC LIMIT 1),
    'pending'
  ),
  "isCorrected" = ("isCorrected" OR (
    SELECT s."isCorrected" FROM "Claim" AS s JOIN "_TallyPair" AS p ON p."statementClaimId" = s."id"
    WHERE p."figureClaimId" = "Claim"."id"
  ))
WHERE "id" IN (SELECT "figureClaimId" FROM "_TallyPair");

INSERT INTO "ClaimChange" ("claimId") SELECT "figureClaimId" FROM "_TallyPair";
INSERT INTO "ClaimChange" ("claimId") SELECT "statementClaimId" FROM "_TallyPair";

DELETE FROM "Claim" WHERE "id" IN (SELECT "statementClaimId" FROM "_TallyPair");

DROP TABLE "_TallyPair";
