import { text } from "drizzle-orm/pg-core";
import { organization } from "./auth.js";

/** Every tenant-owned table has this column; row-level security policies compare it to the request's org. */
export const orgId = () =>
  text("org_id")
    .notNull()
    .references(() => organization.id, { onDelete: "cascade" });
