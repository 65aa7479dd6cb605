import { type EngagementWorld, makeEngagementWorld } from "../../../test/engagement-fixtures.js";
import type { OrgUser, TestApp } from "../../../test/helpers.js";

/** A company and a provider with an engagement in progress about an offering that declares `outputTypes`. */
export type ResultWorld = EngagementWorld;

export const makeResultWorld = (
  t: TestApp,
  opts: { outputTypes?: string[]; companyName?: string; partner?: OrgUser } = {},
): Promise<ResultWorld> =>
  makeEngagementWorld(t, {
    until: "in_progress",
    offering: { title: "COPSOQ-Analyse", outputDataTypes: opts.outputTypes ?? ["copsoq_analysis", "report_pdf"] },
    what: "Befragung und Auswertung",
    companyName: opts.companyName,
    partner: opts.partner,
  });

/** A multipart body built by hand (no extra dependency): fields, then files (under `fileField`). */
export function multipart(fields: Record<string, string>, files: { name: string; content: Buffer; type?: string }[], fileField = "files") {
  const boundary = `----bgmtest${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${f.name}"\r\nContent-Type: ${f.type ?? "application/pdf"}\r\n\r\n`,
      ),
      f.content,
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
/** An ELF executable header: whatever the name says, this is not a PDF. */
export const EXECUTABLE = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]), Buffer.alloc(200)]);
