/** Recognises the few document types we accept by their magic bytes, never by name or header. */
const SIGNATURES: { type: string; bytes: number[] }[] = [
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  // .docx is a ZIP container
  { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes: [0x50, 0x4b, 0x03, 0x04] },
];

export function detectFileType(content: Buffer): string | null {
  for (const sig of SIGNATURES) {
    if (content.length >= sig.bytes.length && sig.bytes.every((b, i) => content[i] === b)) return sig.type;
  }
  return null;
}

/** The content types uploads may declare, for route documentation and checks. */
export const ACCEPTED_FILE_TYPES = SIGNATURES.map((s) => s.type);
