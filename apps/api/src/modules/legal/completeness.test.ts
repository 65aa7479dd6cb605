import { GBU_STEP_KEYS } from "@bgm/domain";
import { describe, expect, it } from "vitest";
import { type CompletenessInput, missingDocumentation } from "./completeness.js";

const M1 = "00000000-0000-4000-8000-000000000001";
const M2 = "00000000-0000-4000-8000-000000000002";

/** A fully documented assessment; each test breaks one thing. */
function complete(): CompletenessInput {
  return {
    assessmentDate: "2025-03-01",
    effectivenessCheck: "Follow-up survey in September: strain scores improved in both teams.",
    effectivenessCheckedOn: "2025-09-15",
    steps: GBU_STEP_KEYS.map((key) => ({ key, done: true })),
    measures: [{ id: M1, ownerName: "Team lead IT", dueDate: "2025-06-30", carriedOutAt: "2025-06-15", proof: "Training attendance list" }],
  };
}

describe("missingDocumentation", () => {
  it("is empty when everything an inspector asks for is there", () => {
    expect(missingDocumentation(complete())).toEqual([]);
  });

  it("lists everything for a fresh requirement, steps in process order", () => {
    const fresh: CompletenessInput = {
      assessmentDate: null,
      effectivenessCheck: "",
      effectivenessCheckedOn: null,
      steps: GBU_STEP_KEYS.map((key) => ({ key, done: false })),
      measures: [],
    };
    expect(missingDocumentation(fresh)).toEqual([
      ...GBU_STEP_KEYS.map((k) => `step_not_done:${k}`),
      "assessment_date_missing",
      "no_measures",
      "effectiveness_check_missing",
    ]);
  });

  it("names each step that is not done, and counts a step without a row as not done", () => {
    const input = complete();
    input.steps = input.steps
      .filter((s) => s.key !== "identify_hazards")
      .map((s) => (s.key === "assess_hazards" ? { ...s, done: false } : s));
    expect(missingDocumentation(input)).toEqual(["step_not_done:identify_hazards", "step_not_done:assess_hazards"]);
  });

  it("ignores steps that are not in the registry", () => {
    const input = complete();
    input.steps = [...input.steps, { key: "retired_step", done: false }];
    expect(missingDocumentation(input)).toEqual([]);
  });

  it("requires the assessment date", () => {
    expect(missingDocumentation({ ...complete(), assessmentDate: null })).toEqual(["assessment_date_missing"]);
  });

  it("requires at least one measure", () => {
    expect(missingDocumentation({ ...complete(), measures: [] })).toEqual(["no_measures"]);
  });

  it("reports per measure what is missing, keyed by its id", () => {
    const input = complete();
    input.measures = [...input.measures, { id: M2, ownerName: "  ", dueDate: null, carriedOutAt: null, proof: " " }];
    expect(missingDocumentation(input)).toEqual([
      `measure_missing_owner_or_due_date:${M2}`,
      `measure_not_carried_out:${M2}`,
      `measure_without_proof:${M2}`,
      // The check predates the new, still open measure.
      "effectiveness_check_before_last_measure",
    ]);
  });

  it("requires proof even when the measure was carried out", () => {
    const input = complete();
    input.measures = input.measures.map((m) => ({ ...m, proof: "" }));
    expect(missingDocumentation(input)).toEqual([`measure_without_proof:${M1}`]);
  });

  it("does not count a check dated before the last measure was carried out", () => {
    const input = complete();
    input.measures = [
      ...input.measures,
      { id: M2, ownerName: "Facility", dueDate: "2025-12-31", carriedOutAt: "2025-11-20", proof: "Invoice" },
    ];
    expect(missingDocumentation(input)).toEqual(["effectiveness_check_before_last_measure"]);
    expect(missingDocumentation({ ...input, effectivenessCheckedOn: "2025-11-20" })).toEqual([]);
  });

  it("does not count a check while a measure is still open, nor an undated one", () => {
    const input = complete();
    input.measures = [...input.measures, { id: M2, ownerName: "Facility", dueDate: "2025-12-31", carriedOutAt: null, proof: "" }];
    expect(missingDocumentation(input)).toEqual([
      `measure_not_carried_out:${M2}`,
      `measure_without_proof:${M2}`,
      "effectiveness_check_before_last_measure",
    ]);
    expect(missingDocumentation({ ...complete(), effectivenessCheckedOn: null })).toEqual(["effectiveness_check_before_last_measure"]);
  });

  it("treats a blank effectiveness check as missing", () => {
    expect(missingDocumentation({ ...complete(), effectivenessCheck: " \n " })).toEqual(["effectiveness_check_missing"]);
  });
});
