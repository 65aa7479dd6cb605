import type { Mail } from "../../lib/mailer.js";
import type { TenantScope } from "../../lib/request-context.js";
import type { CalendarContext } from "./messages.js";

/** What a participation use case needs besides the tenant scope; `now` is injectable for tests. */
export interface Acting {
  scope: TenantScope;
  calendar: CalendarContext;
  now?: Date;
}

/** A change and the mails announcing it; the caller sends the mails after the transaction committed. */
export interface Outcome<T> {
  result: T;
  mails: Mail[];
}

export const nowOf = (a: Pick<Acting, "now">): Date => a.now ?? new Date();
