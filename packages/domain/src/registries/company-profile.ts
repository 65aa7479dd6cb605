/**
 * What a health insurer asks about the company itself in its §20b SGB V documentation (the dimensions of
 * the GKV-Präventionsbericht): the industry as a section of the German classification of economic
 * activities (WZ 2008, Abschnitte A–U) and the size class of the workforce.
 */
export const WZ_SECTIONS = [
  { key: "A", label: { de: "Land- und Forstwirtschaft, Fischerei", en: "Agriculture, forestry and fishing" } },
  { key: "B", label: { de: "Bergbau und Gewinnung von Steinen und Erden", en: "Mining and quarrying" } },
  { key: "C", label: { de: "Verarbeitendes Gewerbe", en: "Manufacturing" } },
  { key: "D", label: { de: "Energieversorgung", en: "Electricity, gas, steam and air conditioning supply" } },
  {
    key: "E",
    label: {
      de: "Wasserversorgung; Abwasser- und Abfallentsorgung, Beseitigung von Umweltverschmutzungen",
      en: "Water supply; sewerage, waste management and remediation",
    },
  },
  { key: "F", label: { de: "Baugewerbe", en: "Construction" } },
  {
    key: "G",
    label: { de: "Handel; Instandhaltung und Reparatur von Kraftfahrzeugen", en: "Wholesale and retail trade; repair of motor vehicles" },
  },
  { key: "H", label: { de: "Verkehr und Lagerei", en: "Transportation and storage" } },
  { key: "I", label: { de: "Gastgewerbe", en: "Accommodation and food service activities" } },
  { key: "J", label: { de: "Information und Kommunikation", en: "Information and communication" } },
  { key: "K", label: { de: "Erbringung von Finanz- und Versicherungsdienstleistungen", en: "Financial and insurance activities" } },
  { key: "L", label: { de: "Grundstücks- und Wohnungswesen", en: "Real estate activities" } },
  {
    key: "M",
    label: {
      de: "Erbringung von freiberuflichen, wissenschaftlichen und technischen Dienstleistungen",
      en: "Professional, scientific and technical activities",
    },
  },
  {
    key: "N",
    label: { de: "Erbringung von sonstigen wirtschaftlichen Dienstleistungen", en: "Administrative and support service activities" },
  },
  {
    key: "O",
    label: { de: "Öffentliche Verwaltung, Verteidigung; Sozialversicherung", en: "Public administration and defence; social security" },
  },
  { key: "P", label: { de: "Erziehung und Unterricht", en: "Education" } },
  { key: "Q", label: { de: "Gesundheits- und Sozialwesen", en: "Human health and social work activities" } },
  { key: "R", label: { de: "Kunst, Unterhaltung und Erholung", en: "Arts, entertainment and recreation" } },
  { key: "S", label: { de: "Erbringung von sonstigen Dienstleistungen", en: "Other service activities" } },
  { key: "T", label: { de: "Private Haushalte mit Hauspersonal", en: "Activities of households as employers" } },
  { key: "U", label: { de: "Exterritoriale Organisationen und Körperschaften", en: "Extraterritorial organisations and bodies" } },
] as const;
export type WzSectionKey = (typeof WZ_SECTIONS)[number]["key"];
export const WZ_SECTION_KEYS = WZ_SECTIONS.map((s) => s.key) as [WzSectionKey, ...WzSectionKey[]];

export function wzSection(key: string | null | undefined): (typeof WZ_SECTIONS)[number] | undefined {
  return WZ_SECTIONS.find((s) => s.key === key);
}

/**
 * Size classes of the Präventionsbericht (Beschäftigte je Betrieb): `min` inclusive, `max` inclusive or
 * null for open-ended. The head count is the active employees of the employee register.
 */
export const COMPANY_SIZE_CLASSES = [
  { key: "lt10", min: 1, max: 9, label: { de: "unter 10 Beschäftigte", en: "fewer than 10 employees" } },
  { key: "10to49", min: 10, max: 49, label: { de: "10 bis 49 Beschäftigte", en: "10 to 49 employees" } },
  { key: "50to99", min: 50, max: 99, label: { de: "50 bis 99 Beschäftigte", en: "50 to 99 employees" } },
  { key: "100to249", min: 100, max: 249, label: { de: "100 bis 249 Beschäftigte", en: "100 to 249 employees" } },
  { key: "250to499", min: 250, max: 499, label: { de: "250 bis 499 Beschäftigte", en: "250 to 499 employees" } },
  { key: "500to1499", min: 500, max: 1499, label: { de: "500 bis 1.499 Beschäftigte", en: "500 to 1,499 employees" } },
  { key: "ge1500", min: 1500, max: null, label: { de: "1.500 und mehr Beschäftigte", en: "1,500 employees or more" } },
] as const;
export type CompanySizeClassKey = (typeof COMPANY_SIZE_CLASSES)[number]["key"];

/** The size class of a head count; null for an empty register (no class describes it). */
export function companySizeClass(headCount: number): (typeof COMPANY_SIZE_CLASSES)[number] | null {
  return COMPANY_SIZE_CLASSES.find((c) => headCount >= c.min && (c.max === null || headCount <= c.max)) ?? null;
}
