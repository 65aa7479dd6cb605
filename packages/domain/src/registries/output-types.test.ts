import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { COPSOQ_MIN_GROUP_SIZE, CopsoqAnalysis, OUTPUT_TYPES, outputType } from "./output-types.js";
import { localizeIssue, RESULT_ISSUES, resultIssue } from "./result-issues.js";

const docsExample = (key: string) =>
  JSON.parse(readFileSync(new URL(`../../../../docs/partner-api/examples/${key}.json`, import.meta.url), "utf8"));

describe("output type registry", () => {
  it.each(OUTPUT_TYPES.map((t) => [t.key, t] as const))(
    "%s: the example is valid, documented in the repo, and has a JSON Schema",
    (key, t) => {
      expect(t.schema.safeParse(t.example).success).toBe(true);
      expect(docsExample(key)).toEqual(t.example);
      const schema = z.toJSONSchema(t.schema, { io: "input", unrepresentable: "any" }) as { type: string; properties: object };
      expect(schema.type).toBe("object");
      expect(Object.keys(schema.properties).length).toBeGreaterThan(0);
      expect(t.label.de && t.label.en).toBeTruthy();
    },
  );

  it("refuses a COPSOQ group below the minimum group size and names it", () => {
    const example = structuredClone(outputType("copsoq_analysis")?.example) as { groups: { name: string; n: number; scales: unknown[] }[] };
    example.groups.push({ name: "Fuhrpark", n: COPSOQ_MIN_GROUP_SIZE - 1, scales: [] });
    const parsed = outputType("copsoq_analysis")?.schema.safeParse(example);
    expect(parsed?.success).toBe(false);
    const issue = parsed?.error?.issues.find((i) => i.path.join(".") === "groups.2.n");
    expect(issue?.message).toContain("Fuhrpark");
  });

  it("names a COPSOQ scale by the label the partner gave it, not by its key, in both languages", () => {
    const schema = outputType("copsoq_analysis")?.schema;
    const example = structuredClone(outputType("copsoq_analysis")?.example) as {
      scales: { key: string; name: string; n: number }[];
      groups: { scales: { key: string; n: number }[] }[];
    };
    const burnout = example.scales.findIndex((s) => s.key === "burnout_symptoms");
    (example.scales[burnout] as { n: number }).n = COPSOQ_MIN_GROUP_SIZE - 1;
    const issue = schema?.safeParse(example).error?.issues.find((i) => i.path.join(".") === `scales.${burnout}.n`) as
      | (z.core.$ZodIssue & { params?: unknown })
      | undefined;
    expect(issue?.message).toBe(
      `Scale "Burnout-Symptome" has n = ${COPSOQ_MIN_GROUP_SIZE - 1}; the minimum group size is ${COPSOQ_MIN_GROUP_SIZE}`,
    );
    expect(localizeIssue({ message: issue?.message ?? "", params: issue?.params }, "de")).toBe(
      `Die Skala „Burnout-Symptome“ hat n = ${COPSOQ_MIN_GROUP_SIZE - 1}; die Mindestgruppengröße ist ${COPSOQ_MIN_GROUP_SIZE}.`,
    );
    // A group's scale cell carries only the key: its text takes the label from the survey's scales.
    const cell = structuredClone(outputType("copsoq_analysis")?.example) as typeof example;
    const first = cell.groups[0]?.scales[0] as { key: string; n: number };
    first.n = COPSOQ_MIN_GROUP_SIZE - 1;
    const label = cell.scales.find((s) => s.key === first.key)?.name as string;
    const messages = schema?.safeParse(cell).error?.issues.map((i) => i.message) ?? [];
    expect(messages.some((m) => m.includes(`scale "${label}"`))).toBe(true);
    expect(messages.join(" ")).not.toContain(`"${first.key}"`);
  });

  it("refuses group layouts that would reveal a small remainder or overlap", () => {
    const schema = outputType("copsoq_analysis")?.schema;
    const base = structuredClone(outputType("copsoq_analysis")?.example) as {
      respondingCount: number;
      groups: { name: string; n: number; scales: { key: string; mean: number; sd: number; n: number }[] }[];
    };
    const remainder = structuredClone(base);
    remainder.respondingCount = 87;
    expect(schema?.safeParse(remainder).error?.issues.map((i) => i.path.join("."))).toContain("groups");
    const nested = structuredClone(base);
    nested.groups.push({ name: "Produktion Schicht A", n: 20, scales: [] });
    expect(
      schema
        ?.safeParse(nested)
        .error?.issues.map((i) => i.message)
        .join(" "),
    ).toContain("overlap");
    const cell = structuredClone(base);
    (cell.groups[0]?.scales[0] as { n: number }).n = 38;
    expect(schema?.safeParse(cell).error?.issues.map((i) => i.path.join("."))).toContain("scales.0.n");
  });

  it("checks participation counts against the rate", () => {
    const schema = outputType("participation_stats")?.schema;
    const base = { label: "Kurs", period: { from: "2026-01-01", to: "2026-01-31" }, registeredCount: 20, attendedCount: 15 };
    expect(schema?.safeParse({ ...base, attendanceRate: 75 }).success).toBe(true);
    const wrong = schema?.safeParse({ ...base, attendanceRate: 90 });
    expect(wrong?.error?.issues.map((i) => i.path.join("."))).toEqual(["attendanceRate"]);
    expect(schema?.safeParse({ ...base, attendedCount: 25, attendanceRate: 125 }).success).toBe(false);
  });

  it("every output type lands somewhere and accepts at least one file type", () => {
    for (const t of OUTPUT_TYPES) {
      expect(t.fileTypes.length).toBeGreaterThan(0);
      expect(t.landsIn).toBeTruthy();
    }
  });
});

describe("result issues in both languages", () => {
  it("every problem a schema finds beyond field types names a registry entry with German and English text", () => {
    const bad = structuredClone(outputType("copsoq_analysis")?.example) as {
      respondingCount: number;
      invitedCount: number;
      groups: { n: number }[];
    };
    bad.respondingCount = bad.invitedCount + 1;
    const issues = CopsoqAnalysis.safeParse(bad).error?.issues ?? [];
    const custom = issues.find((i) => i.path.join(".") === "respondingCount");
    expect(custom).toMatchObject({
      code: "custom",
      message: "More responses than invited employees",
      params: { issue: "responses_exceed_invited" },
    });
    expect(localizeIssue(custom as never, "de")).toBe("Mehr Antworten als eingeladene Beschäftigte.");
    expect(localizeIssue(custom as never, "en")).toBe("More responses than invited employees");
  });

  it("fills in the values in both languages; an issue without an entry keeps its own message", () => {
    const issue = resultIssue("group_too_small", { group: "Lager", n: 2, min: 5 });
    expect(issue.message).toBe('Group "Lager" has n = 2; the minimum group size is 5. Merge it with another unit before uploading');
    // The API's 422 answer carries the entry as `issue` + `values` beside the message.
    expect(localizeIssue({ message: issue.message, issue: "group_too_small", values: { group: "Lager", n: 2, min: 5 } }, "de")).toBe(
      "Die Gruppe „Lager“ hat n = 2; die Mindestgruppengröße ist 5. Fassen Sie sie vor dem Hochladen mit einer anderen Einheit zusammen.",
    );
    expect(localizeIssue({ message: "Too small: expected number to be >=0" }, "de")).toBe("Too small: expected number to be >=0");
    expect(localizeIssue({ message: "x", issue: "toString" }, "de")).toBe("x");
    for (const [key, text] of Object.entries(RESULT_ISSUES)) {
      const values = { min: 5, n: 2, scale: "s", group: "g", rest: 3, rate: 1, expected: "2.0" };
      expect(text.de(values), key).not.toBe(text.en(values));
      expect(text.de(values), key).not.toMatch(/undefined/);
    }
  });
});
