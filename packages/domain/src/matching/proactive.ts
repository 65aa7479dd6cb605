import type { Match, MatchOffering, ReasonKind } from "./score.js";

/**
 * Proactive suggestions (issue 15, 5.5; ADR 0022): which of the matching's results are worth telling a
 * manager about without being asked. Pure: the API runs the matching, reads what was suggested before,
 * and asks this module what is new and good enough.
 */

/**
 * The topic of a proactive run is what set it off. The weekly limit counts per topic: a survey result and a
 * new goal in the same week each get their notification, a second goal that week does not.
 */
export const PROACTIVE_TOPICS = ["survey", "ergonomics", "participation", "phase", "goal"] as const;
export type ProactiveTopic = (typeof PROACTIVE_TOPICS)[number];

/** A topic's label in the notification and the digest. */
export const PROACTIVE_TOPIC_LABELS: Record<ProactiveTopic, { de: string; en: string }> = {
  survey: { de: "Befragungsergebnis", en: "Survey result" },
  ergonomics: { de: "Ergonomie-Beurteilung", en: "Ergonomic assessment" },
  participation: { de: "Teilnahmezahlen", en: "Participation figures" },
  phase: { de: "Neue BGM-Phase", en: "New BGM phase" },
  goal: { de: "Neues Ziel", en: "New goal" },
};

/** Which accepted partner results start a run, and under which topic. Other output types do not. */
export const PROACTIVE_RESULT_TOPICS: Readonly<Record<string, ProactiveTopic>> = {
  copsoq_analysis: "survey",
  ergonomic_assessment: "ergonomics",
  participation_stats: "participation",
};

/**
 * The reasons that make a match belong to a topic: a survey result is news only for offerings the survey
 * speaks for, a new phase for offerings of that phase, a goal for offerings that serve a goal. The matching
 * reads no participation figures yet, so new participation figures bring up what serves the company's goals
 * and survey findings (its "Schwerpunkte").
 */
const TOPIC_REASONS: Record<ProactiveTopic, readonly ReasonKind[]> = {
  survey: ["survey"],
  ergonomics: ["survey"],
  participation: ["goal", "survey"],
  phase: ["phase"],
  goal: ["goal"],
};

/**
 * The least score worth a notification: more than a phase fit with the on-site bonus (13), so a match
 * needs a goal or a survey finding behind it (goal need 8 + phase 10, or a survey finding alone at 15 plus
 * any fit). See MATCH_WEIGHTS.
 */
export const PROACTIVE_MIN_SCORE = 20;
/** At most this many offerings per run: a notification names a few partners, not a catalogue. */
export const PROACTIVE_MAX_PER_RUN = 5;
/** One notification per company and topic in this span. */
export const PROACTIVE_NOTICE_INTERVAL_MS = 7 * 24 * 60 * 60 * 1000;
/** The digest goes out at most this often per manager. */
export const PROACTIVE_DIGEST_INTERVAL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The new, good matches for a topic, best first: score at least PROACTIVE_MIN_SCORE, a reason of the
 * topic's kind, and an offering never suggested to the company before (open or dismissed) nor booked by it.
 */
export function selectProactive<O extends MatchOffering>(
  topic: ProactiveTopic,
  matches: readonly Match<O>[],
  exclude: { suggested: ReadonlySet<string>; engaged: ReadonlySet<string> },
): Match<O>[] {
  const kinds = TOPIC_REASONS[topic];
  return matches
    .filter(
      (m) =>
        m.score >= PROACTIVE_MIN_SCORE &&
        m.reasons.some((r) => kinds.includes(r.kind)) &&
        !exclude.suggested.has(m.offering.id) &&
        !exclude.engaged.has(m.offering.id),
    )
    .slice(0, PROACTIVE_MAX_PER_RUN);
}

/** The notification's title, e.g. "3 Partner passen zu Ihren neuen Schwerpunkten". */
export function proactiveNoticeTitle(count: number): { de: string; en: string } {
  return count === 1
    ? { de: "1 Partner passt zu Ihren neuen Schwerpunkten", en: "1 partner fits your new priorities" }
    : { de: `${count} Partner passen zu Ihren neuen Schwerpunkten`, en: `${count} partners fit your new priorities` };
}

/** The notification's body: each offering with its first reason, one line each. */
export function proactiveNoticeBody(topic: ProactiveTopic, matches: readonly Pick<Match, "offering" | "reasons">[]): string {
  const lines = matches.map((m) => {
    const reason = m.reasons[0]?.text.de;
    return `• ${m.offering.title} (${m.offering.providerName})${reason ? ` – ${reason}` : ""}`;
  });
  return [`Anlass: ${PROACTIVE_TOPIC_LABELS[topic].de}`, ...lines].join("\n");
}
