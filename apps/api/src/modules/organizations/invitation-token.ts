import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The proof that the person accepting an invitation can read the invited address: a signature over the
 * invitation and its e-mail that only the invitation mail carries. The id alone is no proof: managers
 * see it in lists, and it travels in URLs and logs.
 */
export function invitationToken(secret: string, invitationId: string, email: string): string {
  return createHmac("sha256", secret).update(`invitation:${invitationId}:${email.toLowerCase()}`).digest("base64url");
}

export function isValidInvitationToken(secret: string, invitationId: string, email: string, token: string | undefined): boolean {
  if (!token) return false;
  const expected = Buffer.from(invitationToken(secret, invitationId, email));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
