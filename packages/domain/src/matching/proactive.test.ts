import { describe, expect, it } from "vitest";
import { PROACTIVE_MAX_PER_RUN, proactiveNoticeBody, proactiveNoticeTitle, selectProactive } from "./proactive.js";
import type { Match, MatchOffering, ReasonKind } from "./score.js";

const offering = (id: string): MatchOffering => ({
  id,
  title: `Angebot ${id}`,
  description: "",
  providerName: "Partner",
  category: "movement",
  certifications: [],
  deliveryMode: "remote",
  priceFromCents: 0,
  relevantPhases: [],
  relevantTasks: [],
  regions: [],
});
const match = (id: string, score: number, ...kinds: ReasonKind[]): Match => ({
  offering: offering(id),
  score,
  reasons: kinds.map((kind) => ({ kind, text: { de: `Grund ${kind}`, en: `Reason ${kind}` } })),
});
const none = { suggested: new Set<string>(), engaged: new Set<string>() };
const ids = (ms: Match[]) => ms.map((m) => m.offering.id);

describe("selectProactive", () => {
  it("keeps matches at or above the threshold that carry a reason of the topic", () => {
    const ms = [match("a", 25, "survey", "phase"), match("b", 22, "goal", "phase"), match("c", 19, "survey"), match("d", 30, "task")];
    expect(ids(selectProactive("survey", ms, none))).toEqual(["a"]);
    expect(ids(selectProactive("goal", ms, none))).toEqual(["b"]);
    expect(ids(selectProactive("phase", ms, none))).toEqual(["a", "b"]);
    // Participation figures bring up what serves the company's goals and survey findings.
    expect(ids(selectProactive("participation", ms, none))).toEqual(["a", "b"]);
  });

  it("never brings back an offering suggested before (dismissed or not) or one the company has engaged", () => {
    const ms = [match("a", 25, "goal"), match("b", 25, "goal"), match("c", 25, "goal")];
    expect(ids(selectProactive("goal", ms, { suggested: new Set(["a"]), engaged: new Set(["c"]) }))).toEqual(["b"]);
  });

  it("names at most a few partners per run, best first as the matching ranked them", () => {
    const ms = Array.from({ length: 9 }, (_, i) => match(String(i), 40 - i, "goal"));
    expect(ids(selectProactive("goal", ms, none))).toEqual(["0", "1", "2", "3", "4"].slice(0, PROACTIVE_MAX_PER_RUN));
  });
});

describe("the notification's text", () => {
  it("counts the partners and lists each with its first reason", () => {
    expect(proactiveNoticeTitle(3).de).toBe("3 Partner passen zu Ihren neuen Schwerpunkten");
    expect(proactiveNoticeTitle(1).de).toBe("1 Partner passt zu Ihren neuen Schwerpunkten");
    expect(proactiveNoticeBody("survey", [match("a", 25, "survey", "phase")])).toBe(
      "Anlass: Befragungsergebnis\n• Angebot a (Partner) – Grund survey",
    );
  });
});
