import { describe, expect, it } from "vitest";
import { answerQuestion, understand } from "./assistant.js";
import type { MatchOffering } from "./score.js";

const goals = [
  { id: "g1", title: "Krankheitstage senken", target: "AU-Tage um 10 % senken" },
  { id: "g2", title: "Rückenbeschwerden reduzieren" },
];

const offering = (o: Partial<MatchOffering> & Pick<MatchOffering, "id" | "title" | "category">): MatchOffering => ({
  description: "",
  providerName: "Anbieter",
  certifications: [],
  deliveryMode: "on_site",
  priceFromCents: 50000,
  relevantPhases: [4],
  relevantTasks: [],
  regions: ["Hamburg"],
  ...o,
});

describe("the buddy's rules (issue 15, 5.2)", () => {
  it("reads need, region, delivery mode, price and § 20 from German questions", () => {
    const u = understand("Gibt es online Kurse gegen Stress in Hamburg unter 1.500 €, die die Krankenkasse bezuschusst?", []);
    expect(u.categories).toEqual(expect.arrayContaining(["mental_health"]));
    expect(u).toMatchObject({ deliveryMode: "remote", region: "Hamburg", maxPriceCents: 150000, funded: true, goal: null });
    expect(understand("Rückenkurs vor Ort in Lübeck", []).deliveryMode).toBe("on_site");
    expect(understand("Rückenkurs vor Ort in Lübeck", []).region).toBe("Lubeck");
  });

  it("finds the company goal a question names, and its need through the synonym table", () => {
    const u = understand("Was passt zu unserem Ziel Krankenstand senken?", goals);
    expect(u.categories.sort()).toEqual(["mental_health", "movement"]);
    const back = understand("Was hilft bei unseren Rückenbeschwerden?", goals);
    expect(back.goal?.title).toBe("Rückenbeschwerden reduzieren");
  });

  it("answers with the offerings of the need, best first, each with the question's reason", () => {
    const offerings = [
      offering({ id: "1", title: "Ergonomie-Check im Lager", category: "ergonomics" }),
      offering({ id: "2", title: "Gesunde Kantine", category: "nutrition" }),
      offering({ id: "3", title: "Rückenkurs", category: "movement", regions: ["Bayern"] }),
    ];
    const a = answerQuestion({ goals: [], phase: 4 }, offerings, "Wer hilft bei Rückenproblemen im Lager in Hamburg?");
    expect(a.items.map((m) => m.offering.title)).toEqual(["Ergonomie-Check im Lager"]);
    expect(a.items[0]?.reasons[0]?.text.de).toBe("Passt zu Ihrer Frage: Ergonomie hilft bei Rücken und Bewegungsapparat");
    expect(a.answer.de).toContain("1. Ergonomie-Check im Lager (Anbieter)");
    expect(answerQuestion({ goals: [] }, offerings, "Suchtprävention?").answer.de).toContain("nichts Passendes");
  });
});
