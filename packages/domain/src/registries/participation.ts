/**
 * Participation tracking: the states of one employee's place in one session, and the vocabulary an
 * intervention is described with for health-insurance reports (GKV-Leitfaden Prävention, §20b SGB V).
 * The same core serves a session of an intervention and, later, a time slot of a health-day station.
 */

/**
 * One employee × one session. `holdsPlace`: counts against the session's capacity. `counted`: the person is
 * expected (the denominator of "28/32 teilgenommen"). Waitlisted and cancelled people are neither.
 */
export const PARTICIPATION_STATUSES = [
  { key: "registered", holdsPlace: true, counted: true, label: { de: "Angemeldet", en: "Registered" } },
  { key: "waitlisted", holdsPlace: false, counted: false, label: { de: "Warteliste", en: "Waitlist" } },
  { key: "cancelled", holdsPlace: false, counted: false, label: { de: "Abgemeldet", en: "Cancelled" } },
  { key: "attended", holdsPlace: true, counted: true, label: { de: "Teilgenommen", en: "Attended" } },
  { key: "no_show", holdsPlace: true, counted: true, label: { de: "Nicht erschienen", en: "No-show" } },
] as const;
export type ParticipationStatusKey = (typeof PARTICIPATION_STATUSES)[number]["key"];
export const PARTICIPATION_STATUS_KEYS = PARTICIPATION_STATUSES.map((s) => s.key) as [ParticipationStatusKey, ...ParticipationStatusKey[]];
/** Statuses that take one of the session's places. */
export const PLACE_HOLDING_STATUSES: readonly ParticipationStatusKey[] = PARTICIPATION_STATUSES.filter((s) => s.holdsPlace).map(
  (s) => s.key,
);

/** Verhaltens- oder verhältnisbezogen: the GKV Präventionsbericht counts measures by this split. */
export const INTERVENTION_APPROACHES = [
  { key: "behavioural", label: { de: "Verhaltensbezogen", en: "Behavioural" } },
  { key: "structural", label: { de: "Verhältnisbezogen", en: "Structural" } },
] as const;
export type InterventionApproachKey = (typeof INTERVENTION_APPROACHES)[number]["key"];
export const INTERVENTION_APPROACH_KEYS = INTERVENTION_APPROACHES.map((a) => a.key) as [
  InterventionApproachKey,
  ...InterventionApproachKey[],
];

/**
 * Fields of action (Handlungsfelder) and prevention principles of workplace health promotion in the
 * GKV-Leitfaden Prävention (chapter 6), as the Präventionsbericht reports them. `approach` is the usual one,
 * a default for the form, not a rule.
 */
export const GKV_FIELDS_OF_ACTION = [
  {
    key: "work_design",
    field: { de: "Gesundheitsförderliche Arbeitsgestaltung", en: "Health-promoting work design" },
    label: {
      de: "Gesundheitsförderliche Gestaltung von Arbeitstätigkeit und -bedingungen",
      en: "Health-promoting design of work and working conditions",
    },
    approach: "structural",
  },
  {
    key: "healthy_leadership",
    field: { de: "Gesundheitsförderliche Arbeitsgestaltung", en: "Health-promoting work design" },
    label: { de: "Gesundheitsgerechte Führung", en: "Health-oriented leadership" },
    approach: "structural",
  },
  {
    key: "framework_conditions",
    field: { de: "Gesundheitsförderliche Arbeitsgestaltung", en: "Health-promoting work design" },
    label: {
      de: "Gesundheitsförderliche Gestaltung betrieblicher Rahmenbedingungen",
      en: "Health-promoting company framework conditions",
    },
    approach: "structural",
  },
  {
    key: "stress_resources",
    field: { de: "Gesundheitsförderlicher Arbeits- und Lebensstil", en: "Healthy working and lifestyle" },
    label: { de: "Stressbewältigung und Ressourcenstärkung", en: "Stress management and resources" },
    approach: "behavioural",
  },
  {
    key: "movement",
    field: { de: "Gesundheitsförderlicher Arbeits- und Lebensstil", en: "Healthy working and lifestyle" },
    label: {
      de: "Bewegungsförderliches Arbeiten und körperlich aktive Beschäftigte",
      en: "Movement-friendly work and physically active employees",
    },
    approach: "behavioural",
  },
  {
    key: "nutrition",
    field: { de: "Gesundheitsförderlicher Arbeits- und Lebensstil", en: "Healthy working and lifestyle" },
    label: { de: "Gesundheitsgerechte Ernährung im Arbeitsalltag", en: "Healthy nutrition at work" },
    approach: "behavioural",
  },
  {
    key: "addiction",
    field: { de: "Gesundheitsförderlicher Arbeits- und Lebensstil", en: "Healthy working and lifestyle" },
    label: { de: "Verhaltensbezogene Suchtprävention im Betrieb", en: "Behavioural addiction prevention" },
    approach: "behavioural",
  },
  {
    key: "networking",
    field: { de: "Überbetriebliche Vernetzung und Beratung", en: "Networking and advice beyond the company" },
    label: { de: "Überbetriebliche Vernetzung und Beratung", en: "Networking and advice beyond the company" },
    approach: "structural",
  },
] as const satisfies readonly {
  key: string;
  field: { de: string; en: string };
  label: { de: string; en: string };
  approach: InterventionApproachKey;
}[];
export type GkvFieldOfActionKey = (typeof GKV_FIELDS_OF_ACTION)[number]["key"];
export const GKV_FIELD_OF_ACTION_KEYS = GKV_FIELDS_OF_ACTION.map((f) => f.key) as [GkvFieldOfActionKey, ...GkvFieldOfActionKey[]];

/**
 * The usual field of action of a marketplace category: what a new intervention of that category is filed
 * under unless the manager says otherwise (the approach follows from the field). A default, not a rule.
 */
export const DEFAULT_FIELD_OF_ACTION: Record<string, GkvFieldOfActionKey> = {
  survey_analysis: "framework_conditions",
  movement: "movement",
  nutrition: "nutrition",
  mental_health: "stress_resources",
  ergonomics: "work_design",
  addiction_prevention: "addiction",
  health_day_module: "movement",
  full_service_health_day: "framework_conditions",
  coaching: "healthy_leadership",
};

export function defaultFieldOfAction(category: string): GkvFieldOfActionKey {
  return DEFAULT_FIELD_OF_ACTION[category] ?? "framework_conditions";
}

export function defaultApproach(field: GkvFieldOfActionKey): InterventionApproachKey {
  return GKV_FIELDS_OF_ACTION.find((f) => f.key === field)?.approach ?? "behavioural";
}

/** §20 courses: a participation certificate needs at least this share of the course's sessions attended. */
export const CERTIFICATE_ATTENDANCE_SHARE = 0.8;
/** §3 Nr. 34 EStG: tax-free employer spending on certified health measures per employee and year (euro cents). */
export const TAX_FREE_HEALTH_BUDGET_CENTS = 60_000;
/** A recurring course is created in one step: at most this many sessions at once. */
export const MAX_SESSIONS_PER_SERIES = 52;
/** The time zone of calendar files and of the dates in mails. */
export const PARTICIPATION_TIME_ZONE = "Europe/Berlin";
