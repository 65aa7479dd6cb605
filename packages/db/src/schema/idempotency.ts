import { boolean, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { orgId } from "./tenant.js";

/**
 * The `Idempotency-Key`s of creating POSTs (apps/api/src/lib/idempotency.ts): one row per caller and
 * key for 24 hours, holding the request's hash and, once answered, the answer that is replayed.
 * `acted` is set inside the route's own transaction, so it commits exactly when the route's change does.
 */
export const idempotencyKey = pgTable(
  "idempotency_key",
  {
    orgId: orgId(),
    /** `user:<id>` for a session (per user and organization), `api_key:<id>` for a provider's key. */
    caller: text("caller").notNull(),
    key: text("key").notNull(),
    /** SHA-256 of method, route, parameters, query and body (a multipart body by its parts). */
    requestHash: text("request_hash").notNull(),
    /** When the request holding the key started; null once its answer is stored. */
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    /** The route's transaction committed (set in that transaction). */
    acted: boolean("acted").notNull().default(false),
    responseStatus: integer("response_status"),
    responseType: text("response_type"),
    responseBody: text("response_body"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.caller, t.key] }), index("idempotency_key_created_idx").on(t.createdAt)],
);
