import { type OutputTypeKey, outputType, type ResultFileMime } from "@bgm/domain";
import { AppError } from "../../lib/app-error.js";
import { detectFileType } from "../../lib/file-type.js";
import { issue, zodPath } from "../../lib/validation-issues.js";

/**
 * The checks a delivery must pass before anything is stored: the payload against its output
 * type's schema (every problem with its JSON path), and each file's size and real type.
 * Pure: no database, no HTTP, so the rules are tested on their own.
 */
export interface IncomingFile {
  fileName: string;
  content: Buffer;
}

export interface CheckedFile {
  fileName: string;
  content: Buffer;
  mimeType: ResultFileMime;
}

export interface CheckedSubmission {
  outputType: OutputTypeKey;
  payload: Record<string, unknown>;
  /** Deliveries with the same key are versions of each other (see the registry's seriesKey). */
  seriesKey: string;
  files: CheckedFile[];
}

export const MAX_FILES_PER_RESULT = 10;

/** Path separators and control characters never reach a download header or a disk. */
export function safeFileName(name: string): string {
  const cleaned = Array.from(name, (ch) => (ch === "/" || ch === "\\" || ch === '"' || ch.charCodeAt(0) < 32 ? "_" : ch))
    .join("")
    .trim()
    .slice(0, 200);
  return cleaned || "datei";
}

function issueRef(i: { code: string; params?: unknown }): { issue?: string; values?: Record<string, unknown> } {
  const params = i.code === "custom" ? (i.params as { issue?: unknown; values?: unknown } | undefined) : undefined;
  return typeof params?.issue === "string" ? { issue: params.issue, values: (params.values ?? {}) as Record<string, unknown> } : {};
}

/** The payload against its output type's schema; every problem with its JSON path (422). */
export function checkPayload(
  key: OutputTypeKey,
  payload: unknown,
): { outputType: OutputTypeKey; payload: Record<string, unknown>; seriesKey: string } {
  const def = outputType(key);
  if (!def) throw AppError.unprocessable("Unknown output type", { outputType: key });
  const parsed = def.schema.safeParse(payload);
  if (!parsed.success) {
    throw new AppError(
      "validation_failed",
      `The result does not match the schema of ${def.key}`,
      {
        outputType: def.key,
        // `issue`/`values` name the problem in the shared registry, so clients can show it in their language.
        issues: parsed.error.issues.map((i) => ({
          ...issue("body", ["payload", ...zodPath(i.path)], i.code, i.message),
          ...issueRef(i),
        })),
      },
      422,
    );
  }
  const seriesKey = "seriesKey" in def && def.seriesKey ? (def.seriesKey as (p: unknown) => string)(parsed.data) : "";
  return { outputType: def.key, payload: parsed.data as Record<string, unknown>, seriesKey };
}

/** Each file's size and real type against what the output type accepts. */
export async function checkFiles(key: OutputTypeKey, files: readonly IncomingFile[], maxFileBytes: number): Promise<CheckedFile[]> {
  const def = outputType(key);
  if (!def) throw AppError.unprocessable("Unknown output type", { outputType: key });
  if (files.length > MAX_FILES_PER_RESULT) {
    throw AppError.unprocessable(`At most ${MAX_FILES_PER_RESULT} files per result`, { count: files.length });
  }
  if (def.fileRequired && files.length === 0) {
    throw AppError.unprocessable(`${def.key} needs a file`, { accepted: def.fileTypes });
  }
  // One after the other: the first file that fails is the one the answer names.
  const checked: CheckedFile[] = [];
  for (const f of files) {
    if (f.content.length > maxFileBytes) {
      throw new AppError(
        "payload_too_large",
        `Files may be at most ${Math.round(maxFileBytes / 1024 / 1024)} MB`,
        { fileName: safeFileName(f.fileName), maxFileBytes },
        413,
      );
    }
    if (f.content.length === 0) throw AppError.unprocessable("The file is empty", { fileName: safeFileName(f.fileName) });
    const detected = await detectFileType(f.content);
    if (!detected || !(def.fileTypes as readonly string[]).includes(detected)) {
      throw new AppError(
        "file_type_mismatch",
        detected
          ? `Files of type ${detected} are not accepted for ${def.key}`
          : "The file's content is not a type we accept, whatever its name says",
        { fileName: safeFileName(f.fileName), detectedType: detected ?? "unknown", accepted: def.fileTypes },
        422,
      );
    }
    checked.push({ fileName: withExtension(safeFileName(f.fileName), detected), content: f.content, mimeType: detected });
  }
  return checked;
}

const EXTENSIONS: Record<ResultFileMime, string> = {
  "application/pdf": ".pdf",
  "image/png": ".png",
  "image/jpeg": ".jpg",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
};

/** A download is named for what its bytes are: "tool.jar" detected as docx is served as "tool.jar.docx". */
export function withExtension(name: string, mime: ResultFileMime): string {
  const ext = EXTENSIONS[mime];
  const lower = name.toLowerCase();
  if (lower.endsWith(ext) || (mime === "image/jpeg" && lower.endsWith(".jpeg"))) return name;
  return `${name.slice(0, 200 - ext.length)}${ext}`;
}
