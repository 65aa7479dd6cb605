import { z } from "zod";
import { Timestamp } from "./common.js";

/** A mail of the local outbox (development only, GET /api/dev/outbox): attachments by name, never their content. */
export const DevOutboxMail = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string() })),
  createdAt: Timestamp,
});
export type DevOutboxMail = z.infer<typeof DevOutboxMail>;

/** The outbox's newest mails. */
export const DevOutbox = z.array(DevOutboxMail);
