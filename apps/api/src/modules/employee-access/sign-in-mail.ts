import { SIGN_IN_LINK_MINUTES } from "@bgm/domain";
import type { SignInLinkSender } from "../../lib/auth.js";
import type { Mail, Mailer } from "../../lib/mailer.js";
import type { LinkConfig, SignInLinkMetadata } from "./employee-access.service.js";
import { signInToken } from "./tokens.js";

function isMetadata(m: Record<string, unknown> | undefined): m is Record<string, unknown> & SignInLinkMetadata {
  return (
    typeof m?.linkId === "string" &&
    typeof m.employeeId === "string" &&
    typeof m.organizationName === "string" &&
    typeof m.firstName === "string"
  );
}

export function signInMail(cfg: LinkConfig, to: string, magicToken: string, m: SignInLinkMetadata): Mail {
  const token = signInToken(cfg.secret, magicToken, { linkId: m.linkId, employeeId: m.employeeId });
  const url = `${cfg.appUrl}/login/link?token=${encodeURIComponent(token)}`;
  return {
    to,
    subject: `Ihr Anmeldelink für ${m.organizationName} (BGM Hub)`,
    text:
      `Hallo ${m.firstName},\n\n` +
      `mit diesem Link melden Sie sich bei ${m.organizationName} in BGM Hub an:\n${url}\n\n` +
      `Der Link ist ${SIGN_IN_LINK_MINUTES} Minuten gültig und funktioniert nur einmal. Geben Sie ihn nicht weiter.\n` +
      "Sie haben keinen Link angefordert? Dann können Sie diese E-Mail ignorieren; ohne den Link meldet sich niemand an.\n\n" +
      `Your sign-in link for ${m.organizationName} on BGM Hub (valid for ${SIGN_IN_LINK_MINUTES} minutes, once).\n`,
  };
}

/**
 * The sender better-auth's magic-link plugin calls (lib/auth.ts): it writes the mail with the signed link.
 * The plugin is called only by this module, which passes the metadata; anything else is refused.
 */
export function createSignInLinkSender(mailer: Mailer, cfg: LinkConfig): SignInLinkSender {
  return async ({ email, token, metadata }) => {
    if (!isMetadata(metadata)) throw new Error("sign-in link without its company binding");
    await mailer.send(signInMail(cfg, email, token, metadata));
  };
}
