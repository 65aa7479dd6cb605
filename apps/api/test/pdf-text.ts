import { inflateSync } from "node:zlib";

/**
 * The text of a PDF made by pdfmake (pdfkit), for tests: every content stream is inflated, each font's
 * ToUnicode CMap read, and the glyph ids in the text operators (Tj, TJ) mapped back to characters. A
 * small reader for our own files (pdfkit's output), not a general PDF parser.
 */
interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const out = new Map<number, PdfObject>();
  const text = pdf.toString("latin1");
  const re = /(\d+) 0 obj\s*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf("endobj", start);
    const body = text.slice(start, end);
    const s = body.indexOf("stream");
    let stream: Buffer | null = null;
    let dict = body;
    if (s >= 0 && body.startsWith("<<")) {
      dict = body.slice(0, s);
      let dataStart = start + s + "stream".length;
      if (text[dataStart] === "\r") dataStart++;
      if (text[dataStart] === "\n") dataStart++;
      const dataEnd = text.lastIndexOf("endstream", end);
      const raw = pdf.subarray(dataStart, dataEnd);
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw, { finishFlush: 2 }) : raw;
    }
    out.set(Number(m[1]), { dict, stream });
  }
  return out;
}

const hexToCodes = (hex: string, width: number) => {
  const codes: number[] = [];
  for (let i = 0; i + width <= hex.length; i += width) codes.push(Number.parseInt(hex.slice(i, i + width), 16));
  return codes;
};
const utf16 = (hex: string) => String.fromCharCode(...hexToCodes(hex.replace(/\s+/g, ""), 4));

function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] as string).matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) {
      map.set(Number.parseInt(m[1] as string, 16), utf16(m[2] as string));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] as string).matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const lo = Number.parseInt(m[1] as string, 16);
      const hi = Number.parseInt(m[2] as string, 16);
      const target = m[3] as string;
      if (target.startsWith("[")) {
        const items = [...target.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((x) => utf16(x[1] as string));
        for (const [i, ch] of items.entries()) map.set(lo + i, ch);
      } else {
        const base = Number.parseInt(target.slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(base + (c - lo)));
      }
    }
  }
  return map;
}

/** The lines of the PDF's text, top to bottom per page; table cells on one line are joined with " | ". */
export function pdfLines(pdf: Buffer): string[] {
  const objs = objects(pdf);
  // Font resource name (e.g. /F1) → glyph map, from every page's resources.
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objs.values()) {
    const fontDict = /\/Font\s*<<([^>]*)>>/.exec(dict);
    if (!fontDict) continue;
    for (const m of (fontDict[1] as string).matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      const font = objs.get(Number(m[2]));
      const ref = font && /\/ToUnicode\s+(\d+) 0 R/.exec(font.dict);
      const cmap = ref && objs.get(Number(ref[1]))?.stream;
      if (cmap) fonts.set(m[1] as string, parseCMap(cmap.toString("latin1")));
    }
  }
  const lines: string[] = [];
  for (const { dict, stream } of objs.values()) {
    if (!stream || /\/Type\s*\/(XObject|Font|Metadata)|\/Subtype|\/Length1/.test(dict)) continue;
    const content = stream.toString("latin1");
    if (!/\bBT\b/.test(content)) continue;
    // pdfkit places every word with its own text matrix: words on one baseline form a line.
    const runs: { x: number; y: number; text: string }[] = [];
    let current: Map<number, string> | undefined;
    let x = 0;
    let y = 0;
    const ops = /([-\d.]+) ([-\d.]+) Tm|\/(\w+)\s+[\d.]+\s+Tf|\[((?:[^\]\\]|\\.)*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g;
    for (let m = ops.exec(content); m; m = ops.exec(content)) {
      if (m[1] !== undefined) {
        x = Number(m[1]);
        y = Math.round(Number(m[2]));
        continue;
      }
      if (m[3]) {
        current = fonts.get(m[3]);
        continue;
      }
      const hexes = m[4] !== undefined ? [...(m[4] as string).matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1] as string) : [m[5] as string];
      const text = hexes
        .flatMap((h) => hexToCodes(h, 4))
        .map((code) => current?.get(code) ?? "\uFFFD")
        .join("");
      runs.push({ x, y, text });
    }
    const byY = new Map<number, { x: number; text: string }[]>();
    for (const r of runs) byY.set(r.y, [...(byY.get(r.y) ?? []), r]);
    for (const [, row] of [...byY].sort((a, b) => b[0] - a[0])) {
      const words = row.sort((a, b) => a.x - b.x);
      let line = "";
      // A word ends with a space, or with a hyphen where pdfkit may break it; anything else ends a cell.
      for (const w of words) line += line === "" || line.endsWith(" ") || line.endsWith("-") ? w.text : ` | ${w.text}`;
      lines.push(line.trim());
    }
  }
  return lines;
}

/** All text of the PDF, lines joined by newlines. */
export function pdfText(pdf: Buffer): string {
  return pdfLines(pdf).join("\n");
}
