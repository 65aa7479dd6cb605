import { FILE_TYPES, type FileMime } from "@bgm/domain";
import { fileTypeFromBuffer } from "file-type";

/**
 * The one file-type detector of the server: what a file is, read from its bytes, never from its name
 * or the declared content type (an executable renamed to report.pdf is not a PDF). The `file-type`
 * package does the reading (Office files are ZIP containers; it tells Word from Excel by the parts
 * listed in `[Content_Types].xml`, within its own size limits for what it inflates). Each upload then
 * checks the answer against its own list in `@bgm/domain` (`DOCUMENT_FILE_TYPES`, an output type's
 * `fileTypes`).
 *
 * Pinned to file-type 21: version 22 needs Node 22, the project still runs on Node 20.
 */
const RECOGNISED: Record<string, FileMime> = {
  pdf: FILE_TYPES.pdf,
  // An Illustrator file saved with PDF compatibility is a PDF (it starts with %PDF-).
  ai: FILE_TYPES.pdf,
  png: FILE_TYPES.png,
  // An animated PNG is a PNG that viewers without APNG support show as its first frame.
  apng: FILE_TYPES.png,
  jpg: FILE_TYPES.jpeg,
  docx: FILE_TYPES.docx,
  xlsx: FILE_TYPES.xlsx,
};

/** One of {@link FILE_TYPES}, or null for anything else (executables, plain ZIPs, macro documents, unknown bytes). */
export async function detectFileType(content: Uint8Array): Promise<FileMime | null> {
  try {
    const found = await fileTypeFromBuffer(content);
    return (found && RECOGNISED[found.ext]) ?? null;
  } catch {
    // A container the parser gives up on (truncated, beyond its limits) is not a file we accept.
    return null;
  }
}
