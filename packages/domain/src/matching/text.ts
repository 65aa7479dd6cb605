/**
 * German words for matching, without the database: a light stemmer in the spirit of PostgreSQL's
 * `german` Snowball configuration (umlauts folded, inflection endings cut) and prefix matching on the
 * first six letters of a stem, so a compound's head meets its relatives ("Rückenbeschwerden" meets
 * "Rückenscreening", "Kantine" meets "Kantinenberatung"). It runs on the candidates the database
 * already narrowed to a task or phase, so the whole score stays one pure function.
 */

const FOLDED: Record<string, string> = { ä: "a", ö: "o", ü: "u", ß: "ss" };

/** Lower case, umlauts and ß folded the way the Snowball stemmer folds them. */
export function fold(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => FOLDED[c] ?? c);
}

const ENDINGS = ["ungen", "ern", "em", "en", "er", "es", "e", "s", "n"];

function stemFolded(w: string): string {
  for (const end of ENDINGS) if (w.endsWith(end) && w.length - end.length >= 4) return w.slice(0, -end.length);
  return w;
}

/** The stem of one word: folded, the longest inflection ending cut as long as four letters remain. */
export function stem(word: string): string {
  return stemFolded(fold(word));
}

/** Every word of a text (letters and digits; hyphens and punctuation split), stemmed. The text is folded once. */
export function stemsOf(text: string): string[] {
  return (fold(text).match(/[\p{L}\p{N}]+/gu) ?? []).map(stemFolded);
}

/** The part of a stem that must begin an offering word: its first six letters stand for the compound's head. */
export function headOf(s: string): string {
  return s.length > 6 ? s.slice(0, 6) : s;
}

/** Words that carry no meaning for matching. Short words (< 4 letters) are dropped anyway. */
const STOP_WORDS = new Set(
  "alle allen aller auch durch eine einem einen einer eines ende fuer für gegen nach oder ohne sind ueber über unter weniger mehr sowie dass diese dieser"
    .split(" ")
    .map(stem),
);

/**
 * Words every goal has ("reduzieren", "Mitarbeitende", "Gesundheit") say nothing about which
 * partner fits; matching on them would suggest everyone for every goal. "Belastung" belongs here
 * too: in BGM it is physical and psychological strain alike, so "Psychische Belastung erkennen"
 * must not suggest an ergonomics check for its ergonomic "Belastungen". "Arbeit" and "Arbeitsplatz" likewise:
 * "Rauchen am Arbeitsplatz reduzieren" is about smoking, not about the workplace's ergonomics.
 */
const GENERIC_GOAL_WORDS = new Set(
  (
    "reduzieren senken verringern erhöhen steigern verbessern fördern stärken erkennen vermeiden erreichen halten abbauen " +
    "Mitarbeiter Mitarbeitende Mitarbeiterinnen Beschäftigte Belegschaft Gesundheit gesund Prozent Quote Anteil Ziel Unternehmen Betrieb " +
    "Belastung Belastungen Beanspruchung arbeiten Arbeit Arbeitsplatz"
  )
    .split(" ")
    .map(stem),
);

/** The meaningful stems of a goal: four letters or more, no stop words, no generic goal words. */
export function goalStems(text: string): string[] {
  const out = new Set<string>();
  for (const s of stemsOf(text)) {
    if (s.length < 4 || /^\d+$/.test(s) || STOP_WORDS.has(s) || GENERIC_GOAL_WORDS.has(s)) continue;
    out.add(s);
  }
  return [...out];
}

/** A document's stems, ready for prefix look-ups. */
export function indexText(text: string): string[] {
  return [...new Set(stemsOf(text))];
}

/** True when some document stem begins with the stem's head. */
export function hasPrefix(doc: readonly string[], s: string): boolean {
  const head = headOf(s);
  return doc.some((w) => w.startsWith(head));
}
