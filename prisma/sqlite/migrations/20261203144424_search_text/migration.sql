-- Folded text for search (apps/api/src/search/fold.ts), written by the API.
-- Hand-written: Prisma's diff rebuilt both tables to add a column with a default, which SQLite
-- can add in place (and a rebuild would renumber Claim's rowids, which the index below uses).
ALTER TABLE "Article" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Claim" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';

-- Full-text index over Claim.searchText: FTS5 with the trigram tokenizer (substring matches of 3 or
-- more characters, `%` and `_` literal), external content (the text lives in Claim only), kept in
-- step by triggers. A later migration that rebuilds "Claim" must recreate these triggers and run
-- INSERT INTO "ClaimSearch"("ClaimSearch") VALUES ('rebuild').
CREATE VIRTUAL TABLE "ClaimSearch" USING fts5("searchText", content='Claim', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER "Claim_search_insert" AFTER INSERT ON "Claim" BEGIN
  INSERT INTO "ClaimSearch"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
CREATE TRIGGER "Claim_search_delete" AFTER DELETE ON "Claim" BEGIN
  INSERT INTO "ClaimSearch"("ClaimSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
END;
CREATE TRIGGER "Claim_search_update" AFTER UPDATE OF "searchText" ON "Claim" BEGIN
  INSERT INTO "ClaimSearch"("ClaimSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
  INSERT INTO "ClaimSearch"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
INSERT INTO "ClaimSearch"("ClaimSearch") VALUES ('rebuild');
