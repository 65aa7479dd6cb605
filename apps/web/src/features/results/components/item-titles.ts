/** The fields that name a list entry, in order of preference: a scale's or group's name, a measure's title. */
const NAME_FIELDS = ["name", "title"] as const;

/**
 * The heading of a list entry in the upload form: the entry's own name once the partner has typed it
 * ("Burnout-Symptome" says more than "Skala 5"), else the numbered fallback.
 */
export function itemHeading(item: unknown, numbered: string): string {
  if (item && typeof item === "object") {
    for (const field of NAME_FIELDS) {
      const value = (item as Record<string, unknown>)[field];
      if (typeof value === "string" && value.trim()) return value.trim();
    }
  }
  return numbered;
}
