-- Trigram similarity for the marketplace's "did you mean" (a search for „Rückn“ offers „Rücken“).
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it without superuser rights;
-- PGlite loads it in packages/db/src/client.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
