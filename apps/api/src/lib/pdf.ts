import { createRequire } from "node:module";
import { dirname } from "node:path";

/**
 * pdfmake 0.3 on the server, shared by every PDF download: its bundled Roboto (full Latin-1, so umlauts
 * render) read from node_modules, no URL and no other local file. Documents are pdfmake definitions.
 */
interface PdfMake {
  addFonts(fonts: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}

const require = createRequire(import.meta.url);
let pdfmake: PdfMake | null = null;

function loadPdfMake(): PdfMake {
  if (pdfmake) return pdfmake;
  const fontsFile = require.resolve("pdfmake/fonts/Roboto.js");
  const fontsDir = dirname(fontsFile);
  const pm = require("pdfmake") as PdfMake;
  pm.addFonts(require(fontsFile));
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((path) => path.startsWith(fontsDir));
  pdfmake = pm;
  return pm;
}

/** Renders a pdfmake document definition (font Roboto) to the bytes of a PDF. */
export function renderPdf(doc: Record<string, unknown>): Promise<Buffer> {
  return loadPdfMake().createPdf(doc).getBuffer();
}

/** "2. Dezember 2026, 11:42" in Europe/Berlin: the date a document was made, as a German reader writes it. */
export function germanDateTime(at: Date): string {
  return new Intl.DateTimeFormat("de-DE", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Berlin" }).format(at);
}

/** "02.12.2026" in Europe/Berlin. */
export function germanDate(at: Date | string): string {
  const d = typeof at === "string" ? new Date(at.length === 10 ? `${at}T12:00:00Z` : at) : at;
  return new Intl.DateTimeFormat("de-DE", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Berlin" }).format(d);
}
