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
export const IsoDate = z.iso.date();
export const Ok = z.object({ ok: z.literal(true) });
/** Free text fields are bounded so nobody can store a novel in a notes field. */
export const ShortText = z.string().trim().min(1).max(200);
export const LongText = z.string().max(5000);
