import { z } from "zod";

/**
 * One problem with the input, in every 400/422 that names problems (query, body, path, CSV file, result
 * payload): `path` is an array of keys and indexes into the part named by `in` (for a CSV file: line
 * number, then the field); `code` is machine-readable (Zod's issue codes, or ours such as `duplicate`);
 * `issue` + `values`, when present, name a text in the shared result-issue registry (German/English).
 */
export const ValidationIssue = z.object({
  in: z.enum(["body", "querystring", "params", "headers", "file"]),
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
  issue: z.string().optional(),
  values: z.record(z.string(), z.unknown()).optional(),
});
export type ValidationIssue = z.infer<typeof ValidationIssue>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.looseObject({ issues: z.array(ValidationIssue).optional() }).optional(),
  }),
});

export const IdParam = z.strictObject({ id: z.uuid() });
export const Timestamp = z.iso.datetime({ offset: true });
/** Calendar date without time, e.g. a due date. */
// Bounded to a plausible range: PostgreSQL cannot store year 0, and nobody plans BGM in 1850.
export const IsoDate = z.iso
  .date()
  .refine((d) => d >= "1900-01-01" && d <= "2999-12-31", { message: "Date must be between 1900 and 2999" });
export const Ok = z.object({ ok: z.literal(true) });
/** Free text fields are bounded so nobody can store a novel in a notes field. */
export const ShortText = z.string().trim().min(1).max(200);
export const LongText = z.string().max(5000);
