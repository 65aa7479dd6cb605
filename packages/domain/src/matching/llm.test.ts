import { describe, expect, it } from "vitest";
import { buddyMessages, companyBrief, redactQuestion, understoodFromTool } from "./llm.js";

const goals = [
  { id: "g1", title: "Krankheitstage senken", target: "AU-Tage um 10 % senken" },
  { id: "g2", title: "Rückenbeschwerden reduzieren" },
];

describe("what the buddy sends to a language model (ADR 0023)", () => {
  it("replaces e-mail addresses, long numbers and the names of the company's people in the question", () => {
    const people = [
      { firstName: "Anna", lastName: "Schmidt" },
      { firstName: "Jo", lastName: "Koch" },
    ];
    expect(redactQuestion("Anna Schmidt (anna.schmidt@firma.de, 0171 2345678) hat Rücken", people)).toBe(
      "[Name] ([E-Mail], [Nummer]) hat Rücken",
    );
    // Whole words only: a Kochkurs is no person; a two-letter first name alone is left (too many false hits).
    expect(redactQuestion("Kochkurs für Jo? Frau Koch fragt.", people)).toBe("Kochkurs für Jo? Frau [Name] fragt.");
    expect(redactQuestion("Kurse unter 1.500 € für 20 Leute?")).toBe("Kurse unter 1.500 € für 20 Leute?");
  });

  it("sends goals and aggregates only: scales below the minimum group size stay out", () => {
    const brief = companyBrief({
      phase: 2,
      goals,
      surveyScales: [
        { key: "burnout", name: "Burnout", n: 40, mean: 55, referenceMean: 45, worse: true },
        { key: "demands", name: "Quantitative Anforderungen", n: 3, mean: 70, referenceMean: 50, worse: true },
        { key: "role", name: "Rollenklarheit", n: 40, mean: 70, referenceMean: 70, worse: false },
      ],
      ergonomics: { elevated: 2 },
      locations: ["Hamburg"],
      minGroupSize: 5,
    });
    expect(brief).toEqual({
      phase: 2,
      goals: [
        { title: "Krankheitstage senken", target: "AU-Tage um 10 % senken" },
        { title: "Rückenbeschwerden reduzieren", target: null },
      ],
      surveyScalesWorseThanReference: [{ scale: "Burnout", mean: 55, referenceMean: 45 }],
      elevatedErgonomicFindings: 2,
      locations: ["Hamburg"],
    });
    const messages = buddyMessages({ question: "Was hilft?", ctx: { goals }, lang: "en", earlier: [{ question: "Q1", answer: "A1" }] });
    expect(messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(messages[0]?.content).toContain("Answer in English");
  });

  it("reads a tool call's arguments like the rules read a question; odd values are dropped", () => {
    const u = understoodFromTool(
      {
        category: "ergonomics",
        region: "in Lübeck",
        deliveryMode: "teleport",
        maxPriceEuro: 1500,
        funded: true,
        goal: "rückenbeschwerden",
      },
      goals,
    );
    expect(u).toMatchObject({
      categories: ["ergonomics"],
      region: "Lubeck",
      deliveryMode: null,
      maxPriceCents: 150000,
      funded: true,
      goal: { id: "g2" },
    });
    expect(understoodFromTool("kaputt", goals)).toMatchObject({ categories: [], region: null, goal: null });
  });
});
