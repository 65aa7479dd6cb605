import { describe, expect, it } from "vitest";
import { matchesSchema } from "./schema-match";

type Schema = Record<string, unknown>;
const matches = (schema: Schema, data: unknown, root: Schema = schema) => matchesSchema(schema, data, root);

describe("matchesSchema", () => {
  it("checks JSON Schema types, telling integers from other numbers and arrays from objects", () => {
    expect(matches({ type: "string" }, "Rücken")).toBe(true);
    expect(matches({ type: "string" }, 3)).toBe(false);
    expect(matches({ type: "integer" }, 84)).toBe(true);
    expect(matches({ type: "integer" }, 87.5)).toBe(false);
    expect(matches({ type: "number" }, 87.5)).toBe(true);
    expect(matches({ type: "object" }, [])).toBe(false);
    expect(matches({ type: "object" }, null)).toBe(false);
    expect(matches({ type: "array" }, [])).toBe(true);
    expect(matches({ type: "null" }, null)).toBe(true);
    expect(matches({ type: ["string", "null"] }, null)).toBe(true);
    expect(matches({}, { anything: true })).toBe(true);
  });

  it("picks the branch of an anyOf that fits: text or null", () => {
    const schema = { anyOf: [{ type: "string" }, { type: "null" }] };
    expect(matches(schema.anyOf[0] as Schema, "2026-11-20")).toBe(true);
    expect(matches(schema.anyOf[1] as Schema, "2026-11-20")).toBe(false);
    expect(matches(schema, null)).toBe(true);
    expect(matches(schema, 5)).toBe(false);
  });

  it("requires the required keys and checks the properties that are present", () => {
    const schema = {
      type: "object",
      required: ["from", "to"],
      properties: { from: { type: "string" }, to: { type: "string" }, note: { type: "string" } },
    };
    expect(matches(schema, { from: "2026-10-05", to: "2026-10-23" })).toBe(true);
    expect(matches(schema, { from: "2026-10-05" })).toBe(false);
    expect(matches(schema, { from: "2026-10-05", to: 23 })).toBe(false);
    expect(matches(schema, { from: "a", to: "b", note: 1 })).toBe(false);
  });

  it("compares enums and constants by value", () => {
    expect(matches({ enum: ["low", "medium", "high"] }, "high")).toBe(true);
    expect(matches({ enum: ["low", "medium", "high"] }, "severe")).toBe(false);
    expect(matches({ const: { kind: "pdf" } }, { kind: "pdf" })).toBe(true);
    expect(matches({ const: "report" }, "reports")).toBe(false);
  });

  it("applies oneOf and allOf", () => {
    expect(matches({ oneOf: [{ type: "integer" }, { type: "string" }] }, "x")).toBe(true);
    expect(matches({ oneOf: [{ type: "integer" }, { type: "string" }] }, true)).toBe(false);
    expect(matches({ allOf: [{ type: "number" }, { enum: [1, 2] }] }, 2)).toBe(true);
    expect(matches({ allOf: [{ type: "number" }, { enum: [1, 2] }] }, 3)).toBe(false);
  });

  it("follows local $refs into the root document, with escaped path segments", () => {
    const root = {
      $defs: { period: { type: "object", required: ["from"] }, "a/b": { type: "integer" } },
      properties: { period: { $ref: "#/$defs/period" }, count: { $ref: "#/$defs/a~1b" } },
    };
    expect(matchesSchema({ $ref: "#/$defs/period" }, { from: "2026-11-01" }, root)).toBe(true);
    expect(matchesSchema({ $ref: "#/$defs/period" }, {}, root)).toBe(false);
    expect(matchesSchema({ $ref: "#/$defs/a~1b" }, 3, root)).toBe(true);
    expect(matchesSchema({ $ref: "#/$defs/a~1b" }, "3", root)).toBe(false);
    expect(matchesSchema(root, { period: {}, count: 1 }, root)).toBe(false);
    // A reference that leads nowhere leaves the schema as it is (here: no constraints).
    expect(matchesSchema({ $ref: "#/$defs/missing" }, "anything", root)).toBe(true);
  });
});
