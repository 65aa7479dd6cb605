import { fold } from "./text.js";

/**
 * Where an on-site offering can come: providers name regions (a federal state, a city, or "DE" for
 * all of Germany; FeedbackNow adds "AT", "CH"), companies name their locations (cities, from the
 * employee register). This small table places the larger cities in their federal state; a location
 * it does not know is covered only by a region of the same name or by "DE".
 */
const STATE_OF_CITY: Record<string, string> = {
  hamburg: "Hamburg",
  bremen: "Bremen",
  bremerhaven: "Bremen",
  berlin: "Berlin",
  kiel: "Schleswig-Holstein",
  lubeck: "Schleswig-Holstein",
  flensburg: "Schleswig-Holstein",
  neumunster: "Schleswig-Holstein",
  norderstedt: "Schleswig-Holstein",
  hannover: "Niedersachsen",
  braunschweig: "Niedersachsen",
  oldenburg: "Niedersachsen",
  osnabruck: "Niedersachsen",
  luneburg: "Niedersachsen",
  wolfsburg: "Niedersachsen",
  gottingen: "Niedersachsen",
  rostock: "Mecklenburg-Vorpommern",
  schwerin: "Mecklenburg-Vorpommern",
  munchen: "Bayern",
  nurnberg: "Bayern",
  augsburg: "Bayern",
  regensburg: "Bayern",
  stuttgart: "Baden-Württemberg",
  karlsruhe: "Baden-Württemberg",
  mannheim: "Baden-Württemberg",
  freiburg: "Baden-Württemberg",
  koln: "Nordrhein-Westfalen",
  dusseldorf: "Nordrhein-Westfalen",
  dortmund: "Nordrhein-Westfalen",
  essen: "Nordrhein-Westfalen",
  duisburg: "Nordrhein-Westfalen",
  bochum: "Nordrhein-Westfalen",
  bielefeld: "Nordrhein-Westfalen",
  munster: "Nordrhein-Westfalen",
  bonn: "Nordrhein-Westfalen",
  frankfurt: "Hessen",
  wiesbaden: "Hessen",
  kassel: "Hessen",
  darmstadt: "Hessen",
  mainz: "Rheinland-Pfalz",
  saarbrucken: "Saarland",
  dresden: "Sachsen",
  leipzig: "Sachsen",
  chemnitz: "Sachsen",
  erfurt: "Thüringen",
  jena: "Thüringen",
  magdeburg: "Sachsen-Anhalt",
  halle: "Sachsen-Anhalt",
  potsdam: "Brandenburg",
  cottbus: "Brandenburg",
};

/** A region every German location lies in. */
export const NATIONWIDE_REGION = "DE";

/** The federal state of a known city, else null. */
export function stateOf(location: string): string | null {
  return STATE_OF_CITY[foldPlace(location)] ?? null;
}

/**
 * Region and location names folded once: the matching asks about the same few dozen names for every
 * candidate of every request (thousands per request over a large catalogue). Bounded, keyed by the name.
 */
const foldedPlaces = new Map<string, string>();
function foldPlace(name: string): string {
  let f = foldedPlaces.get(name);
  if (f === undefined) {
    f = fold(name.trim());
    if (foldedPlaces.size >= 5_000) foldedPlaces.clear();
    foldedPlaces.set(name, f);
  }
  return f;
}

/** True when a provider serving `regions` can come to `location`. */
export function regionCovers(regions: readonly string[], location: string): boolean {
  return regionCoverage(location)(regions);
}

/**
 * `regionCovers` for one location, its names folded once: the matching asks it for every candidate's
 * regions (thousands per request over a large catalogue).
 */
export function regionCoverage(location: string): (regions: readonly string[]) => boolean {
  const nationwide = foldPlace(NATIONWIDE_REGION);
  const place = foldPlace(location);
  const state = stateOf(location);
  const folded = state === null ? null : foldPlace(state);
  return (regions) =>
    regions.some((r) => {
      const f = foldPlace(r);
      return f === nationwide || f === place || f === folded;
    });
}

const STATES = [...new Set(Object.values(STATE_OF_CITY)), "Hessen", "Rheinland-Pfalz"];

/** The first known city or federal state named in a text ("… im Lager in Hamburg"), as written in the table. */
export function placeIn(text: string): string | null {
  const words = fold(text).match(/[\p{L}-]+/gu) ?? [];
  for (const w of words) {
    const state = STATES.find((s) => fold(s) === w);
    if (state) return state;
    if (STATE_OF_CITY[w]) return w.charAt(0).toUpperCase() + w.slice(1);
  }
  return null;
}
