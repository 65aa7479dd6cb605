import type { FastifyRequest } from "fastify";
import { AppError } from "../../lib/app-error.js";

/** Raw-body uploads name the file in X-File-Name (URL-encoded so umlauts survive HTTP headers). */
export function uploadFromRequest(req: FastifyRequest): { fileName: string; declaredType: string; content: Buffer; note: string } {
  const content = req.body;
  if (!Buffer.isBuffer(content))
    throw new AppError("unsupported_media_type", "Send the file as the raw request body with its content type");
  const rawName = req.headers["x-file-name"];
  if (typeof rawName !== "string" || rawName.length === 0) throw new AppError("bad_request", "Missing X-File-Name header");
  let fileName: string;
  let note = "";
  try {
    fileName = decodeURIComponent(rawName);
    const rawNote = req.headers["x-file-note"];
    if (typeof rawNote === "string") note = decodeURIComponent(rawNote).slice(0, 1000);
  } catch {
    throw new AppError("bad_request", "X-File-Name must be URL-encoded");
  }
  const declaredType = (req.headers["content-type"] ?? "").split(";")[0]?.trim() ?? "";
  return { fileName, declaredType, content, note };
}
