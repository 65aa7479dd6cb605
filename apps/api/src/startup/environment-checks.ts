import { type Env, isLoopback } from "../config.js";

/** What a start must refuse (errors) or say loudly (warnings) before it serves anyone. */
export interface StartupFindings {
  errors: string[];
  warnings: string[];
}

/**
 * The conveniences that make `npm start` pleasant on a laptop (generated secret, demo data, mail outbox)
 * are dangerous on a server. Production refuses them; a development start on a network address warns.
 */
export function checkEnvironment(env: Env): StartupFindings {
  const errors: string[] = [];
  const warnings: string[] = [];
  const production = env.NODE_ENV === "production";
  const exposed = !isLoopback(env.HOST);
  if (production && !env.AUTH_SECRET) {
    errors.push("AUTH_SECRET must be set in production (at least 32 random characters, e.g. `openssl rand -base64 48`).");
  }
  if (production && env.SEED_DEMO === "true") {
    errors.push("SEED_DEMO=true is refused in production: the demo accounts' password is published in the README.");
  }
  if (production && env.DEV_OUTBOX === "true") {
    errors.push("DEV_OUTBOX=true is refused in production: the outbox shows password-reset and invitation links.");
  }
  if (env.DEV_OUTBOX === "true" && env.SMTP_URL) {
    warnings.push("DEV_OUTBOX=true has no effect on mails while SMTP_URL is set: they go out through SMTP.");
  }
  if (exposed && !production) {
    warnings.push(
      `Listening on ${env.HOST} in ${env.NODE_ENV} mode: other machines can reach this server. ` +
        "Set NODE_ENV=production, AUTH_SECRET and SMTP_URL for anything but a local trial.",
    );
  }
  if (exposed && env.DEV_OUTBOX === "true") {
    warnings.push("The mail outbox answers requests from this machine only, not from the network.");
  }
  return { errors, warnings };
}

/**
 * Demo accounts whose published password still works are an open door once the server is reachable
 * from the network: refused in production on a network address, a warning everywhere else.
 */
export function checkDemoLogins(env: Env, workingDemoLogins: string[]): StartupFindings {
  if (workingDemoLogins.length === 0) return { errors: [], warnings: [] };
  const message = `${workingDemoLogins.length} demo account(s) still accept the published demo password (${workingDemoLogins.join(", ")}).`;
  if (isLoopback(env.HOST)) {
    return { errors: [], warnings: env.NODE_ENV === "production" ? [`${message} Fine for a trial on this machine only.`] : [] };
  }
  if (env.NODE_ENV === "production") {
    return { errors: [`${message} Refusing to serve them on ${env.HOST}: change their passwords or use an empty database.`], warnings: [] };
  }
  return { errors: [], warnings: [`${message} Anyone who can reach ${env.HOST} can sign in with them.`] };
}
