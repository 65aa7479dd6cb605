import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { partnerResult, type ResultSourceSnapshot } from "./results.js";
import { orgId } from "./tenant.js";

/** Accepted results documenting a checklist task or a legal requirement step. */
export const resultEvidence = pgTable(
  "result_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: orgId(),
    resultId: uuid("result_id")
      .notNull()
      .references(() => partnerResult.id, { onDelete: "cascade" }),
    /** "task" + bgm_task.id or "legal_step" + legal_requirement_step.id */
    targetType: text("target_type").notNull(),
    targetId: uuid("target_id").notNull(),
    label: text("label").notNull(),
    source: jsonb("source").$type<ResultSourceSnapshot>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("result_evidence_uq").on(t.resultId, t.targetType, t.targetId),
    index("result_evidence_target_idx").on(t.orgId, t.targetType, t.targetId),
  ],
);
