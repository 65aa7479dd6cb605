import { customType, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth.js";
import { orgId } from "./tenant.js";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => Buffer.from(v),
});

/** Uploaded files (evidence, works council agreement). Kept in the database so backups hold everything. */
export const storedFile = pgTable(
  "stored_file",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    note: text("note").notNull().default(""),
    /** Where the file is attached, e.g. "legal_step" + step id, or "task" + task id. */
    attachedTo: text("attached_to").notNull(),
    attachedId: uuid("attached_id").notNull(),
    uploadedBy: text("uploaded_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("stored_file_attached_idx").on(t.orgId, t.attachedTo, t.attachedId)],
);
