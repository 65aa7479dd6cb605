import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

/** Undoes the two transfer encodings nodemailer uses for short German texts. */
function decode(raw: string): { subject: string; text: string } {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  const subjectLine = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(head)?.[1] ?? "";
  // Unfold, drop whitespace between encoded words (RFC 2047 §6.2), then decode their bytes together:
  // one UTF-8 character may be split across two encoded words.
  const unfolded = subjectLine.replace(/\r?\n[ \t]/g, " ").replace(/\?=\s+=\?/g, "?==?");
  const subject = unfolded.replace(/(?:=\?utf-8\?[QB]\?[^?]*\?=)+/gi, (run) => {
    const bytes: Buffer[] = [];
    for (const [, enc, data] of run.matchAll(/=\?utf-8\?([QB])\?([^?]*)\?=/gi)) {
      bytes.push(
        (enc as string).toUpperCase() === "B"
          ? Buffer.from(data as string, "base64")
          : Buffer.from(
              (data as string)
                .replace(/_/g, " ")
                .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
              "latin1",
            ),
      );
    }
    return Buffer.concat(bytes).toString("utf8");
  });
  const qp = /Content-Transfer-Encoding: quoted-printable/i.test(head);
  const text = qp
    ? Buffer.from(
        body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
        "latin1",
      ).toString("utf8")
    : body;
  return { subject, text };
}

/**
 * A real SMTP server for the e2e run: the app under test sends its mails here (SMTP_URL), and each
 * received mail is appended as one JSON line to `file`, which the tests read.
 */
export function startSmtpSink(port: number, file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, "");
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const mail: ReceivedMail = {
          to: session.envelope.rcptTo.map((a) => a.address),
          ...decode(Buffer.concat(chunks).toString("latin1")),
        };
        appendFileSync(file, `${JSON.stringify(mail)}\n`);
        done();
      });
    },
  });
  server.listen(port, "127.0.0.1");
  // The runner exits when the tests are done; the sink must not keep it alive.
  server.server.unref();
}

export function readMails(file: string): ReceivedMail[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ReceivedMail);
}
