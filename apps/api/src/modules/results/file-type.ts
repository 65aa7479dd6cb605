import { RESULT_FILE_TYPES, type ResultFileMime } from "@bgm/domain";

/**
 * A result file's type, read from its bytes, never from its name or the declared content type:
 * an executable renamed to report.pdf is not a PDF. Office files are ZIP containers; the entry
 * names inside tell Word from Excel.
 */
const MAGIC: { type: ResultFileMime | "zip"; bytes: number[] }[] = [
  { type: RESULT_FILE_TYPES.pdf, bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: RESULT_FILE_TYPES.png, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: RESULT_FILE_TYPES.jpeg, bytes: [0xff, 0xd8, 0xff] },
  { type: "zip", bytes: [0x50, 0x4b, 0x03, 0x04] },
];

export function detectResultFileType(content: Buffer): ResultFileMime | null {
  const hit = MAGIC.find((m) => content.length >= m.bytes.length && m.bytes.every((b, i) => content[i] === b));
  if (!hit) return null;
  if (hit.type !== "zip") return hit.type;
  const names = content.toString("latin1");
  if (names.includes("word/document.xml")) return RESULT_FILE_TYPES.docx;
  if (names.includes("xl/workbook.xml")) return RESULT_FILE_TYPES.xlsx;
  return null;
}
