import { DATA_SCOPE_KEYS, TASK_KEYS } from "@bgm/domain";
import { describe, expect, it } from "vitest";
import { findUnknownRegistryKey } from "./registry-keys.js";

describe("registry keys of an offering", () => {
  it("accepts keys from every registry and empty lists", () => {
    expect(
      findUnknownRegistryKey({
        requiredDataScopes: ["employee_list", "goals"],
        outputDataTypes: ["copsoq_analysis"],
        integrationPoints: ["phase2_analysis", "kpi_dashboard"],
        relevantTasks: ["employee_survey"],
        relevantPhases: [2, 6],
      }),
    ).toBeNull();
    expect(findUnknownRegistryKey({})).toBeNull();
    expect(findUnknownRegistryKey({ requiredDataScopes: [], relevantTasks: [] })).toBeNull();
  });

  it("names the field, the bad key and the allowed keys", () => {
    expect(findUnknownRegistryKey({ requiredDataScopes: ["goals", "salary_data"] })).toEqual({
      field: "requiredDataScopes",
      key: "salary_data",
      allowed: DATA_SCOPE_KEYS,
    });
    expect(findUnknownRegistryKey({ relevantTasks: ["employee_survey", "EMPLOYEE_SURVEY"] })).toEqual({
      field: "relevantTasks",
      key: "EMPLOYEE_SURVEY",
      allowed: TASK_KEYS,
    });
  });

  it.each([
    ["outputDataTypes", ["pdf_report"]],
    ["integrationPoints", ["phase7"]],
    ["relevantPhases", [0]],
    ["relevantPhases", [7]],
  ] as const)("rejects %s %j", (field, keys) => {
    expect(findUnknownRegistryKey({ [field]: keys })).toMatchObject({ field, key: keys[0] });
  });

  it("reports the first bad field in a stable order", () => {
    const issue = findUnknownRegistryKey({ relevantTasks: ["nope"], requiredDataScopes: ["also_nope"] });
    expect(issue?.field).toBe("requiredDataScopes");
  });
});
