import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { after, decodeCursor, encodeCursor, toPage } from "./keyset.js";

const dialect = new PgDialect();
const render = (q: ReturnType<typeof after>) => (q ? dialect.sqlToQuery(q) : undefined);
const Key = z.tuple([z.number(), z.string()]);

describe("keyset cursors", () => {
  it("round-trips the key values through an opaque base64url cursor", () => {
    const cursor = encodeCursor([0.1, "Rückenscreening"]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, Key)).toEqual([0.1, "Rückenscreening"]);
    expect(decodeCursor(undefined, Key)).toBeUndefined();
  });

  it("refuses what it did not issue with a 400 naming the cursor", () => {
    for (const bad of ["", "abc", encodeCursor(["x", "y"]), encodeCursor([1]), Buffer.from("{}").toString("base64url")]) {
      expect(() => decodeCursor(bad, Key), bad).toThrowError(expect.objectContaining({ status: 400, code: "validation_failed" }));
    }
  });

  it("continues after the cursor in the order's own directions, the last key breaking ties", () => {
    const keys = [{ expr: sql`rank`, desc: true, cast: "real" as const }, { expr: sql`title` }];
    const q = render(after(keys, [0.5, "B"]));
    expect(q?.sql).toBe("(rank < $1::real or (rank = $2::real and title > $3))");
    expect(q?.params).toEqual([0.5, 0.5, "B"]);
    expect(after(keys, undefined)).toBeUndefined();
  });

  it("fetches one row more than the page to know whether another follows", () => {
    const rows = [{ id: 1 }, { id: 2 }, { id: 3 }];
    expect(toPage(rows, 2, (r) => [r.id])).toEqual({ items: [{ id: 1 }, { id: 2 }], nextCursor: encodeCursor([2]) });
    expect(toPage(rows, 3, (r) => [r.id])).toEqual({ items: rows, nextCursor: null });
    expect(toPage([], 3, (r: { id: number }) => [r.id])).toEqual({ items: [], nextCursor: null });
  });
});
