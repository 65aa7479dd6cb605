import { member, organization, session, user } from "@bgm/db";
import { asc, eq, fillPlaceholders, sql } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import type pg from "pg";

/**
 * The session lookup every authenticated request of the app sends first (plugins/request-context.ts: the
 * caller's session, user and memberships in one statement), built with the same drizzle expressions, so a
 * bare route for an authenticated endpoint does that database work too (issue 14: "if the session lookup
 * stays a separate statement, the bare route does it too").
 */
const findCaller = new QueryBuilder()
  .select({
    sessionId: session.id,
    expiresAt: session.expiresAt,
    activeOrganizationId: session.activeOrganizationId,
    userId: user.id,
    userName: user.name,
    email: user.email,
    platformRole: user.platformRole,
    organizationId: member.organizationId,
    role: member.role,
    organizationName: organization.name,
    kind: organization.kind,
  })
  .from(session)
  .innerJoin(user, eq(user.id, session.userId))
  .leftJoin(member, eq(member.userId, user.id))
  .leftJoin(organization, eq(organization.id, member.organizationId))
  .where(eq(session.token, sql.placeholder("token")))
  .orderBy(asc(member.createdAt))
  .toSQL();

/** The caller's rows for a session token (none: not signed in). */
export async function lookUpCaller(client: pg.PoolClient, token: string): Promise<unknown[]> {
  return (await client.query(findCaller.sql, fillPlaceholders(findCaller.params, { token }))).rows;
}

/** The session token inside a Cookie header's signed session cookie (value "token.signature"). */
export function sessionTokenOf(cookie: string): string {
  const sessionCookie = cookie.split("; ").find((c) => c.split("=")[0]?.endsWith("session_token"));
  if (!sessionCookie) throw new Error("sign-in set no session cookie");
  const cookieValue = decodeURIComponent(sessionCookie.slice(sessionCookie.indexOf("=") + 1));
  return cookieValue.slice(0, cookieValue.lastIndexOf("."));
}
