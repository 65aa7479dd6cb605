import type { DevOutbox, DevOutboxMail } from "@bgm/domain";
import type { z } from "zod";

/** A mail of the local outbox, as the development-only route answers it. */
export type OutboxMail = DevOutboxMail;
export type OutboxResponse = z.infer<typeof DevOutbox>;
