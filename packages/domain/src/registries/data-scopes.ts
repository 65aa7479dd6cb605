/**
 * The data a partner can be granted, one entry per scope. Each entry declares exactly which fields
 * it releases, in plain words what will be shared, and how to produce it for one company from a
 * CompanyDataSource (implemented by the API on top of the database). Adding a scope means adding
 * one entry here (and, if it needs new data, one method on the source) — nothing else changes.
 */

import type { GroupDisclosure } from "./group-disclosure.js";

/** No aggregate may describe fewer people than this (COPSOQ standard; k-anonymity for department sizes). */
export const MIN_GROUP_SIZE = 5;

export type Sensitivity = "low" | "medium" | "high";
export type Localized = { de: string; en: string };

export interface EmployeeNarrowing {
  /** Only employees of these departments. */
  departments?: string[];
  /** Only these employees (ids). */
  employeeIds?: string[];
}

export interface SourceEmployee {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  department: string;
}

export interface SurveyGroupResult {
  scale: string;
  group: string;
  mean: number;
  n: number;
}

/** What a resolver may read about one company. The API implements it inside that company's tenant transaction. */
export interface CompanyDataSource {
  /**
   * The head counts the partner asking may see (discloseGroups): the only source of head counts,
   * so no two scopes can release figures that differ by a small group.
   */
  groupDisclosure(): Promise<GroupDisclosure>;
  listGoals(): Promise<{ title: string; target: string; dueDate: string | null }[]>;
  surveyResults(): Promise<SurveyGroupResult[]>;
  listActiveEmployees(narrowing: EmployeeNarrowing): Promise<SourceEmployee[]>;
}

export type RecordValue = string | number | boolean | null;

export interface ResolvedScope {
  records: Record<string, RecordValue>[];
  /** Employees whose personal data is in `records` (for the Art. 15 record of who received what). */
  subjectEmployeeIds: string[];
}

export interface DataScopeDefinition {
  key: string;
  /** Bumped whenever fields or purpose change; grants record the version they were given under. */
  version: number;
  label: Localized;
  description: Localized;
  sensitivity: Sensitivity;
  personalData: boolean;
  /** The exact fields each released record has. Nothing else ever leaves the server. */
  fields: readonly string[];
  /**
   * Each field in plain words, for every screen that says which fields are shared (the keys are the
   * partner API's column names, not words for a manager or an employee). One entry per field, no more.
   */
  fieldLabels: Readonly<Record<string, Localized>>;
  purpose: Localized;
  defaultRetentionDays: number;
  /** The manager may narrow this scope to departments or people. */
  narrowable: boolean;
  resolve(source: CompanyDataSource, narrowing: EmployeeNarrowing): Promise<ResolvedScope>;
  preview(source: CompanyDataSource, narrowing: EmployeeNarrowing): Promise<Localized & { count: number }>;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const DATA_SCOPES = [
  {
    key: "employee_count",
    version: 1,
    label: { de: "Anzahl der Beschäftigten", en: "Number of employees" },
    description: {
      de: `Die Zahl der aktiven Beschäftigten; leer, wenn sie eine Gruppe unter ${MIN_GROUP_SIZE} Personen verriete.`,
      en: `The number of active employees; empty when it would reveal a group of fewer than ${MIN_GROUP_SIZE} people.`,
    },
    sensitivity: "low",
    personalData: false,
    fields: ["employeeCount"],
    fieldLabels: { employeeCount: { de: "Anzahl aktiver Beschäftigter", en: "Number of active employees" } },
    purpose: { de: "Angebot und Kapazität planen", en: "Plan the offer and its capacity" },
    defaultRetentionDays: 365,
    narrowable: false,
    async resolve(source) {
      return { records: [{ employeeCount: (await source.groupDisclosure()).total }], subjectEmployeeIds: [] };
    },
    async preview(source) {
      const n = (await source.groupDisclosure()).total;
      if (n === null) {
        return {
          de: `Die Zahl der Beschäftigten wird zurückgehalten (sie verriete eine Gruppe unter ${MIN_GROUP_SIZE} Personen)`,
          en: `The number of employees is withheld (it would reveal a group of fewer than ${MIN_GROUP_SIZE} people)`,
          count: 1,
        };
      }
      return { de: `Die Zahl ${n} (aktive Beschäftigte) wird geteilt`, en: `The number ${n} (active employees) will be shared`, count: 1 };
    },
  },
  {
    key: "goals",
    version: 1,
    label: { de: "BGM-Ziele", en: "BGM goals" },
    description: { de: "Ihre Ziele aus Phase 1: Titel, Zielwert, Termin.", en: "Your phase 1 goals: title, target, due date." },
    sensitivity: "low",
    personalData: false,
    fields: ["title", "target", "dueDate"],
    fieldLabels: {
      title: { de: "Titel", en: "Title" },
      target: { de: "Zielwert", en: "Target" },
      dueDate: { de: "Termin", en: "Due date" },
    },
    purpose: { de: "Angebot auf Ihre Ziele zuschneiden", en: "Tailor the service to your goals" },
    defaultRetentionDays: 365,
    narrowable: false,
    async resolve(source) {
      const goals = await source.listGoals();
      return { records: goals.map((g) => ({ title: g.title, target: g.target, dueDate: g.dueDate })), subjectEmployeeIds: [] };
    },
    async preview(source) {
      const n = (await source.listGoals()).length;
      return {
        de: `Ihre ${plural(n, "definiertes Gesundheitsziel", "definierten Gesundheitsziele")} werden geteilt`,
        en: `Your ${plural(n, "defined health goal", "defined health goals")} will be shared`,
        count: n,
      };
    },
  },
  {
    key: "department_structure",
    // 2: sizes became numbers with a `suppressed` flag, and small departments are combined (ADR 0007).
    version: 2,
    label: { de: "Abteilungsstruktur", en: "Department structure" },
    description: {
      de: `Abteilungsnamen und -größen. Abteilungen unter ${MIN_GROUP_SIZE} Personen werden zu „Sonstige“ zusammengefasst (mindestens ${MIN_GROUP_SIZE}, notfalls mit der nächstkleineren Abteilung); ihre eigene Größe bleibt leer.`,
      en: `Department names and sizes. Departments below ${MIN_GROUP_SIZE} people are combined into "Sonstige" (at least ${MIN_GROUP_SIZE}, with the next smallest department if needed); their own size stays empty.`,
    },
    sensitivity: "low",
    personalData: false,
    fields: ["department", "size", "suppressed", "combinedGroup", "combinedSize"],
    fieldLabels: {
      department: { de: "Abteilung", en: "Department" },
      size: { de: "Abteilungsgröße", en: "Department size" },
      suppressed: { de: "Größe zurückgehalten", en: "Size withheld" },
      combinedGroup: { de: "Zusammengefasst in", en: "Combined into" },
      combinedSize: { de: "Größe der zusammengefassten Gruppe", en: "Size of the combined group" },
    },
    purpose: { de: "Auswertung nach Abteilungen vorbereiten", en: "Prepare analysis by department" },
    defaultRetentionDays: 365,
    narrowable: false,
    async resolve(source) {
      const { departments } = await source.groupDisclosure();
      return { records: departments.map((d) => ({ ...d })), subjectEmployeeIds: [] };
    },
    async preview(source) {
      const { departments } = await source.groupDisclosure();
      const n = departments.length;
      const own = departments.filter((d) => !d.suppressed).length;
      const combined = departments.filter((d) => d.combinedGroup !== null).length;
      const none = n - own - combined;
      const de = [`${own} mit eigener Größe`];
      const en = [`${own} with their own size`];
      if (combined) {
        de.push(`${combined} nur in einer zusammengefassten Gruppe von mindestens ${MIN_GROUP_SIZE}`);
        en.push(`${combined} only within a combined group of at least ${MIN_GROUP_SIZE}`);
      }
      if (none) {
        de.push(`${none} ohne Größe`);
        en.push(`${none} without any size`);
      }
      return {
        de: `${plural(n, "Abteilung wird", "Abteilungen werden")} geteilt: ${de.join(", ")}`,
        en: `${plural(n, "department", "departments")} will be shared: ${en.join(", ")}`,
        count: n,
      };
    },
  },
  {
    key: "survey_results",
    version: 1,
    label: { de: "Befragungsergebnisse (anonymisiert)", en: "Survey results (anonymised)" },
    description: {
      de: `Mittelwerte je Skala und Gruppe, nur Gruppen mit mindestens ${MIN_GROUP_SIZE} Antworten.`,
      en: `Mean scores per scale and group, only groups with at least ${MIN_GROUP_SIZE} responses.`,
    },
    sensitivity: "medium",
    personalData: false,
    fields: ["scale", "group", "mean", "n"],
    fieldLabels: {
      scale: { de: "Skala", en: "Scale" },
      group: { de: "Gruppe", en: "Group" },
      mean: { de: "Mittelwert (0–100)", en: "Mean (0–100)" },
      n: { de: "Anzahl der Antworten", en: "Number of responses" },
    },
    purpose: { de: "Maßnahmen aus den Ergebnissen ableiten", en: "Derive interventions from the results" },
    defaultRetentionDays: 180,
    narrowable: false,
    async resolve(source) {
      const rows = (await source.surveyResults()).filter((r) => r.n >= MIN_GROUP_SIZE);
      return { records: rows.map((r) => ({ scale: r.scale, group: r.group, mean: r.mean, n: r.n })), subjectEmployeeIds: [] };
    },
    async preview(source) {
      const groups = new Set((await source.surveyResults()).filter((r) => r.n >= MIN_GROUP_SIZE).map((r) => r.group));
      return {
        de: `Anonymisierte Ergebnisse von ${plural(groups.size, "Gruppe", "Gruppen")} (je mindestens ${MIN_GROUP_SIZE} Personen) werden geteilt`,
        en: `Anonymised results of ${plural(groups.size, "group", "groups")} (at least ${MIN_GROUP_SIZE} people each) will be shared`,
        count: groups.size,
      };
    },
  },
  {
    key: "employee_list",
    version: 1,
    label: { de: "Namen und E-Mail-Adressen der Beschäftigten", en: "Employee names and e-mail addresses" },
    description: {
      de: "Name und E-Mail aktiver Beschäftigter, z. B. für Einladungen. Sie können auf Abteilungen oder Personen eingrenzen.",
      en: "Name and e-mail of active employees, e.g. for invitations. You can narrow it to departments or people.",
    },
    sensitivity: "high",
    personalData: true,
    fields: ["name", "email"],
    fieldLabels: {
      name: { de: "Name", en: "Name" },
      email: { de: "E-Mail-Adresse", en: "E-mail address" },
    },
    purpose: { de: "Einladungen zur Befragung versenden", en: "Send survey invitations" },
    defaultRetentionDays: 90,
    narrowable: true,
    async resolve(source, narrowing) {
      const people = await source.listActiveEmployees(narrowing);
      return {
        records: people.map((p) => ({ name: `${p.firstName} ${p.lastName}`, email: p.email })),
        subjectEmployeeIds: people.map((p) => p.id),
      };
    },
    async preview(source, narrowing) {
      const n = (await source.listActiveEmployees(narrowing)).length;
      return {
        de: `${plural(n, "Beschäftigte(r) erhält", "Beschäftigte erhalten")} den Link zur Befragung`,
        en: `${plural(n, "employee", "employees")} will receive the survey link`,
        count: n,
      };
    },
  },
] as const satisfies readonly DataScopeDefinition[];

export type DataScopeKeyFromRegistry = (typeof DATA_SCOPES)[number]["key"];

export function dataScope(key: string): DataScopeDefinition | undefined {
  return (DATA_SCOPES as readonly DataScopeDefinition[]).find((s) => s.key === key);
}

/**
 * Partner reads of participation aggregates are logged under this key in the company's access log, beside the
 * data scopes. They are no data scope: no grant is needed, and none widens them (ADR 0013).
 */
export const PARTICIPATION_AGGREGATES_ACCESS = {
  key: "participation_aggregates",
  label: { de: "Teilnahmezahlen (nur Kennzahlen)", en: "Participation figures (aggregates only)" },
} as const satisfies { key: string; label: Localized };

/**
 * What an access-log entry's scope key names, in plain words: a scope's label, the participation figures, or
 * null for a key the registry does not know (a partner may ask for any key; the entry records what was asked).
 */
export function accessLogScopeLabel(key: string): Localized | null {
  if (key === PARTICIPATION_AGGREGATES_ACCESS.key) return PARTICIPATION_AGGREGATES_ACCESS.label;
  return dataScope(key)?.label ?? null;
}

/**
 * A field's name in plain words; the raw key for a field the registry no longer declares (a grant keeps
 * the fields of the scope version it was given under).
 */
export function dataFieldLabel(scopeKey: string, field: string): Localized {
  return dataScope(scopeKey)?.fieldLabels[field] ?? { de: field, en: field };
}

/** Keeps only the declared fields of each record: the last gate before data leaves the server. */
export function projectToFields(records: Record<string, unknown>[], fields: readonly string[]): Record<string, unknown>[] {
  return records.map((r) => Object.fromEntries(fields.map((f) => [f, r[f] ?? null])));
}
