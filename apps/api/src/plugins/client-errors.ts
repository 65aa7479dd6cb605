import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { API_HEADERS } from "./security.js";

const CLIENT_ERRORS: Record<string, [status: number, code: string, message: string]> = {
  HPE_HEADER_OVERFLOW: [431, "headers_too_large", "The request's headers (or its URL) are too large"],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "request_timeout", "The request took too long to arrive"],
};
const BASE_HEADERS = API_HEADERS.map(([name, value]) => `${name}: ${value}\r\n`).join("");

/**
 * Requests Node's HTTP parser refuses (headers or URL over the size limit, malformed HTTP, a body that
 * never arrives) never reach Fastify's routing or hooks. Answered here in the agreed error shape with the
 * security headers, never quoting the request, then the connection is closed (as Node itself does).
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket) {
  if (err.code === "ECONNRESET" || socket.destroyed) return;
  const [status, code, message] = CLIENT_ERRORS[err.code ?? ""] ?? [400, "bad_request", "The request is not valid HTTP"];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${BASE_HEADERS}connection: close\r\n` +
        `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
