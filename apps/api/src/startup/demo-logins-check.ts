import { account, type Database, user } from "@bgm/db";
import { verifyPassword } from "better-auth/crypto";
import { and, eq, inArray } from "drizzle-orm";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../seed/demo-logins.js";

/** The demo logins that still sign in with the published password (changed ones are fine). */
export async function workingDemoLogins(db: Database): Promise<string[]> {
  const rows = await db
    .select({ email: user.email, hash: account.password })
    .from(user)
    .innerJoin(account, and(eq(account.userId, user.id), eq(account.providerId, "credential")))
    .where(
      inArray(
        user.email,
        DEMO_LOGINS.map((l) => l.email),
      ),
    );
  const working: string[] = [];
  for (const row of rows) {
    if (row.hash && (await verifyPassword({ hash: row.hash, password: DEMO_PASSWORD }))) working.push(row.email);
  }
  return working;
}
