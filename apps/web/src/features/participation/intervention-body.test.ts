import { describe, expect, it } from "vitest";
import { createBody, EMPTY_FIELDS, fieldValues, updateBody } from "./intervention-body";

describe("createBody", () => {
  it("sends a direct intervention's fields, trimmed, with the cost in cents", () => {
    const body = createBody(
      {
        ...EMPTY_FIELDS,
        title: " Lunch & Learn ",
        category: "nutrition",
        fieldOfAction: "nutrition",
        approach: "behavioural",
        cost: 1450.5,
      },
      { kind: "direct" },
    );
    expect(body).toEqual({
      source: { kind: "direct" },
      title: "Lunch & Learn",
      category: "nutrition",
      fieldOfAction: "nutrition",
      approach: "behavioural",
      costCents: 145050,
    });
  });

  it("leaves empty fields out so the source (a planned intervention) fills them", () => {
    const source = { kind: "planned" as const, plannedInterventionId: "6f1e5b8a-3c1d-4a7e-9b2f-0d4c8e6a1b3c" };
    expect(createBody({ ...EMPTY_FIELDS, targetGroup: "Produktion" }, source)).toEqual({ source, targetGroup: "Produktion" });
  });
});

describe("updateBody", () => {
  const initial = fieldValues({
    title: "Rückenfit",
    description: "",
    category: "movement",
    fieldOfAction: "movement",
    approach: "behavioural",
    targetGroup: "",
    certificationId: "KU-123",
    costCents: 96_000,
  });

  it("sends only what changed; a cleared certification becomes null", () => {
    expect(updateBody({ ...initial, title: "Rückenfit kompakt", certificationId: "" }, initial)).toEqual({
      title: "Rückenfit kompakt",
      certificationId: null,
    });
  });

  it("is null when nothing changed", () => {
    expect(updateBody({ ...initial }, initial)).toBeNull();
    expect(initial.cost).toBe(960);
  });
});
