import { z } from "zod";

/**
 * One list shape for the whole API: `{ items, nextCursor }`. A client asks for the next page by
 * sending `nextCursor` back as `cursor` until it is null. Cursors are opaque (base64url of the last
 * item's sort key and id): keyset paging, so items added between two requests neither repeat nor
 * push others off a page the way offsets would.
 */
// Room for the longest sort keys a list issues (two names of any length with umlauts, a timestamp, an id):
// a cursor the API issued must never be refused on the way back.
export const CURSOR_MAX_LENGTH = 4096;
export const LIST_LIMIT_DEFAULT = 50;
export const LIST_LIMIT_MAX = 100;

export const Cursor = z
  .string()
  .min(1)
  .max(CURSOR_MAX_LENGTH)
  .regex(/^[A-Za-z0-9_-]+$/, { message: "Not a cursor this API issued" })
  .describe("Opaque: the `nextCursor` of the previous page. Omit for the first page.");

export const CursorQuery = z.strictObject({
  cursor: Cursor.optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(LIST_LIMIT_DEFAULT).describe(`Items per page, 1–${LIST_LIMIT_MAX}`),
});
export type CursorQuery = z.infer<typeof CursorQuery>;

/** A page of a list that can grow: pass `nextCursor` as `cursor` for the next one; null on the last page. */
export function cursorPage<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("Send as `cursor` for the next page; null on the last page"),
  });
}

/**
 * A list bounded by a registry or by its nature (six legal requirements, a project's goals): the same
 * envelope, whole in one answer, so clients read every list alike.
 */
export function wholeList<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.null().describe("Always null: this list is bounded and answered whole"),
  });
}

/** The note every bounded list carries in its OpenAPI description. */
export const WHOLE_LIST_NOTE = "Answered whole (the list is bounded): `nextCursor` is always null.";
