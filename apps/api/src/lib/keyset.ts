import type { AnyColumn, SQL } from "drizzle-orm";
import { and, asc, desc, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { AppError } from "./app-error.js";
import { issue } from "./validation-issues.js";

/**
 * Keyset paging behind every `{ items, nextCursor }` list. A list declares its order as sort keys
 * (the last one unique, usually the id) and a Zod tuple for the key values; the cursor is the
 * base64url JSON of the last item's values. Cursors carry no organization: every query keeps its
 * tenant filter, so a cursor taken elsewhere only names a position, never another tenant's rows.
 * They are not signed either: a hand-made cursor can only move the position within what the caller
 * may read anyway.
 */
export type KeyValue = string | number;

export interface SortKey {
  expr: SQL | AnyColumn;
  desc?: boolean;
  /** The parameter's SQL type where PostgreSQL cannot infer it from a bare text parameter. */
  cast?: "timestamptz" | "uuid" | "text" | "integer" | "real";
}

/**
 * Timestamps sort by their millisecond value: PostgreSQL keeps microseconds, JavaScript dates only
 * milliseconds, and a cursor built from a rounded value would skip the rows between the two.
 */
export const millis = (column: AnyColumn): SQL => sql`date_trunc('milliseconds', ${column})`;

const badCursor = () =>
  new AppError("validation_failed", "The cursor is not valid for this list", {
    issues: [issue("querystring", ["cursor"], "invalid_cursor", "Not a cursor this list issued; start again without one")],
  });

export function encodeCursor(values: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
}

/** The key values in `cursor`, or undefined without one; anything this list did not issue is a 400. */
export function decodeCursor<S extends z.ZodType<readonly KeyValue[]>>(cursor: string | undefined, schema: S): z.output<S> | undefined {
  if (cursor === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw badCursor();
  return parsed.data;
}

const param = (key: SortKey, value: KeyValue): SQL => (key.cast ? sql`${value}::${sql.raw(key.cast)}` : sql`${value}`);

/** Rows strictly after `values` in the order of `keys`: (a, b) after (x, y) ⇔ a ≻ x or (a = x and b ≻ y). */
export function after(keys: readonly SortKey[], values: readonly KeyValue[] | undefined): SQL | undefined {
  if (!values) return undefined;
  if (values.length !== keys.length) throw badCursor();
  const branches = keys.map((key, i) => {
    const equalBefore = keys.slice(0, i).map((k, j) => sql`${k.expr} = ${param(k, values[j] as KeyValue)}`);
    const beyond = key.desc
      ? sql`${key.expr} < ${param(key, values[i] as KeyValue)}`
      : sql`${key.expr} > ${param(key, values[i] as KeyValue)}`;
    return and(...equalBefore, beyond) as SQL;
  });
  return or(...branches);
}

export const orderBy = (keys: readonly SortKey[]): SQL[] => keys.map((k) => (k.desc ? desc(k.expr) : asc(k.expr)));

/** Rows were fetched with `limit + 1`: the extra row only tells whether another page exists. */
export function toPage<R, T = R>(
  rows: readonly R[],
  limit: number,
  keyOf: (row: R) => readonly KeyValue[],
  map: (row: R) => T = (row) => row as unknown as T,
): { items: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(map),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
