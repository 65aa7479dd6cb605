/** Deterministic German names for the 120 demo employees (no randomness: the demo is reproducible). */
const FIRST = [
  "Anna",
  "Ben",
  "Clara",
  "David",
  "Emma",
  "Felix",
  "Greta",
  "Hannes",
  "Ida",
  "Jonas",
  "Katrin",
  "Lukas",
  "Marie",
  "Nils",
  "Olga",
  "Paul",
  "Quirin",
  "Rosa",
  "Stefan",
  "Tanja",
  "Uwe",
  "Vera",
  "Wolfgang",
  "Yvonne",
  "Zoe",
  "Jürgen",
  "Sören",
  "Björn",
  "Dörte",
  "Käthe",
];
const LAST = [
  "Müller",
  "Schmidt",
  "Schneider",
  "Fischer",
  "Weber",
  "Meyer",
  "Wagner",
  "Becker",
  "Schulz",
  "Hoffmann",
  "Schäfer",
  "Koch",
  "Bauer",
  "Richter",
  "Klein",
  "Wolf",
  "Schröder",
  "Neumann",
  "Schwarz",
  "Zimmermann",
  "Braun",
  "Krüger",
  "Hofmann",
  "Hartmann",
  "Lange",
  "Weiß",
  "Groß",
  "Köhler",
  "Jäger",
  "Peters",
];

export const DEMO_DEPARTMENTS = [
  { name: "Produktion", size: 40, location: "Hamburg" },
  // 24 here plus the demo employee login Max Mustermann: 120 employees in all.
  { name: "Vertrieb", size: 24, location: "Hamburg" },
  { name: "Verwaltung", size: 20, location: "Hamburg" },
  { name: "Logistik", size: 20, location: "Lübeck" },
  { name: "IT", size: 15, location: "Hamburg" },
] as const;

function asciiMail(s: string) {
  return s.toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
}

export function demoEmployees() {
  const people: { firstName: string; lastName: string; email: string; department: string; location: string }[] = [];
  let i = 0;
  for (const dept of DEMO_DEPARTMENTS) {
    for (let k = 0; k < dept.size; k++, i++) {
      const firstName = FIRST[i % FIRST.length] as string;
      const lastName = LAST[(i * 7) % LAST.length] as string;
      people.push({
        firstName,
        lastName,
        email: `${asciiMail(firstName)}.${asciiMail(lastName)}.${i + 1}@muster-gmbh.de`,
        department: dept.name,
        location: dept.location,
      });
    }
  }
  return people;
}
