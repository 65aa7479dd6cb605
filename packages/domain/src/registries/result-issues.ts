/**
 * The problems the output type schemas find beyond field types (counts that do not add up, groups
 * too small to stay anonymous), in German and English. A schema reports one as a custom Zod issue
 * whose message is the English text (the API is English) and whose params name the entry and its
 * values, so the upload form can show the partner the text in the UI language, for problems found
 * in the browser and for those the server answers with alike.
 */

export type IssueValues = Record<string, string | number>;

interface IssueText {
  de: (v: IssueValues) => string;
  en: (v: IssueValues) => string;
}

export const RESULT_ISSUES = {
  period_order: {
    de: () => "Der Zeitraum darf nicht vor seinem Beginn enden.",
    en: () => "The period must not end before it starts",
  },
  responses_exceed_invited: {
    de: () => "Mehr Antworten als eingeladene Beschäftigte.",
    en: () => "More responses than invited employees",
  },
  too_few_responses: {
    de: (v) => `Weniger als ${v.min} Antworten können nicht anonym ausgewertet werden.`,
    en: (v) => `Fewer than ${v.min} responses cannot be analysed anonymously`,
  },
  scale_twice: {
    de: (v) => `Die Skala „${v.scale}“ kommt doppelt vor.`,
    en: (v) => `Scale "${v.scale}" appears twice`,
  },
  answers_exceed_responses: {
    de: () => "Mehr gültige Antworten als Rückmeldungen.",
    en: () => "More valid answers than responses",
  },
  scale_too_small: {
    de: (v) => `Die Skala „${v.scale}“ hat n = ${v.n}; die Mindestgruppengröße ist ${v.min}.`,
    en: (v) => `Scale "${v.scale}" has n = ${v.n}; the minimum group size is ${v.min}`,
  },
  groups_overlap: {
    de: () => "Die Gruppen überschneiden sich: Zusammen haben sie mehr Mitglieder als Antworten.",
    en: () => "The groups overlap: together they have more members than responses",
  },
  remainder_too_small: {
    de: (v) =>
      `${v.rest} Antwortende gehören zu keiner aufgeführten Gruppe; bei weniger als ${v.min} ließen sich ihre Antworten aus der Differenz berechnen. Ordnen Sie sie einer Gruppe zu.`,
    en: (v) =>
      `${v.rest} respondents are in no listed group; with fewer than ${v.min} their answers could be computed from the difference. Add them to a group`,
  },
  scale_remainder_too_small: {
    de: (v) =>
      `Skala „${v.scale}“: Die Gruppenwerte lassen ${v.rest} Antworten außerhalb der Gruppen; es müssen 0 oder mindestens ${v.min} sein.`,
    en: (v) => `Scale "${v.scale}": the group values leave ${v.rest} answers outside the groups; it must be 0 or at least ${v.min}`,
  },
  group_twice: {
    de: (v) => `Die Gruppe „${v.group}“ kommt doppelt vor.`,
    en: (v) => `Group "${v.group}" appears twice`,
  },
  group_too_small: {
    de: (v) =>
      `Die Gruppe „${v.group}“ hat n = ${v.n}; die Mindestgruppengröße ist ${v.min}. Fassen Sie sie vor dem Hochladen mit einer anderen Einheit zusammen.`,
    en: (v) => `Group "${v.group}" has n = ${v.n}; the minimum group size is ${v.min}. Merge it with another unit before uploading`,
  },
  group_exceeds_responses: {
    de: (v) => `Die Gruppe „${v.group}“ hat mehr Mitglieder als Antworten.`,
    en: (v) => `Group "${v.group}" has more members than responses`,
  },
  unknown_scale: {
    de: (v) => `Unbekannte Skala „${v.scale}“.`,
    en: (v) => `Unknown scale "${v.scale}"`,
  },
  group_scale_size: {
    de: (v) => `Gruppe „${v.group}“, Skala „${v.scale}“: n = ${v.n} muss zwischen ${v.min} und dem n der Gruppe liegen.`,
    en: (v) => `Group "${v.group}", scale "${v.scale}": n = ${v.n} must be between ${v.min} and the group's n`,
  },
  attended_exceed_registered: {
    de: () => "Mehr Teilnehmende als Angemeldete.",
    en: () => "More attended than registered",
  },
  rate_mismatch: {
    de: (v) => `Die Teilnahmequote ${v.rate} passt nicht zu Teilnehmende / Angemeldete = ${v.expected}.`,
    en: (v) => `The attendance rate ${v.rate} does not match attended / registered = ${v.expected}`,
  },
} as const satisfies Record<string, IssueText>;

export type ResultIssueKey = keyof typeof RESULT_ISSUES;

/** A custom Zod issue (without path) for `key`: English message, params naming the entry. */
export function resultIssue(key: ResultIssueKey, values: IssueValues = {}) {
  return { code: "custom" as const, message: RESULT_ISSUES[key].en(values), params: { issue: key, values } };
}

/** The issue's text in `lang`: from the registry when the issue names an entry, else its own message. */
export function localizeIssue(issue: { message: string; issue?: unknown; values?: unknown; params?: unknown }, lang: string): string {
  const params = (issue.params ?? issue) as { issue?: unknown; values?: unknown };
  const key = typeof params.issue === "string" ? params.issue : undefined;
  if (!key || !Object.hasOwn(RESULT_ISSUES, key)) return issue.message;
  const text = RESULT_ISSUES[key as ResultIssueKey];
  const values = (params.values && typeof params.values === "object" ? params.values : {}) as IssueValues;
  return lang.startsWith("de") ? text.de(values) : text.en(values);
}
