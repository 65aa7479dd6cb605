import { z } from "zod";

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
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
