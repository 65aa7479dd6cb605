import { describe, expect, it } from "vitest";
import { SHARED, TABLE_OWNERS } from "./ownership.js";
import { schemaTableNames } from "./table-names.js";

describe("table ownership map", () => {
  it("names an owner for exactly the tables and views the schema defines", () => {
    const defined = [...new Set(schemaTableNames().values())].sort();
    expect(Object.keys(TABLE_OWNERS).sort()).toEqual(defined);
  });

  it("marks exactly the identity tables as shared", () => {
    const shared = Object.entries(TABLE_OWNERS)
      .filter(([, owner]) => owner === SHARED)
      .map(([table]) => table)
      .sort();
    expect(shared).toEqual(["member", "organization", "session", "user"]);
  });

  it("resolves export names to SQL names, views included", () => {
    const names = schemaTableNames();
    expect(names.get("plannedIntervention")).toBe("planned_intervention");
    expect(names.get("publishedOffering")).toBe("published_offering");
    expect(names.has("orgId")).toBe(false);
  });
});
