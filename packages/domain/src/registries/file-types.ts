/**
 * The file types the server recognises by their bytes (never by name or declared header), and which of
 * them each kind of upload accepts. The API's content-type parsers, its upload checks and the OpenAPI
 * `consumes` lists are all drawn from here, so they cannot drift apart.
 */
export const FILE_TYPES = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;
export type FileMime = (typeof FILE_TYPES)[keyof typeof FILE_TYPES];

/** Documents kept with a record: evidence of a legal requirement's step, a task's document (≤ 10 MB). */
export const DOCUMENT_FILE_TYPES = [FILE_TYPES.pdf, FILE_TYPES.png, FILE_TYPES.jpeg, FILE_TYPES.docx] as const;
export type DocumentFileMime = (typeof DOCUMENT_FILE_TYPES)[number];

/** Files a partner may deliver with a result; each output type narrows this in its `fileTypes`. */
export const RESULT_FILE_TYPES = FILE_TYPES;
export type ResultFileMime = FileMime;
export const RESULT_FILE_MIMES: readonly ResultFileMime[] = Object.values(RESULT_FILE_TYPES);
