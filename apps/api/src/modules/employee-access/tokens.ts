import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * The two secrets of the employee access flow (ADR 0012).
 *
 * The join link's token is derived from the link's random id with the installation's secret, so the
 * manager's card can show the link again while the database keeps only its SHA-256: a copy of the database
 * yields neither the link nor a way to compute it.
 *
 * The mailed sign-in link carries better-auth's one-use magic-link token together with the join link and
 * the employee it was issued for, signed with the same secret. The signature binds the sign-in to that
 * company and that register entry: nobody can turn a link for company A into a membership of company B,
 * and rotating or disabling the join link voids the sign-in links sent through it.
 */

const b64 = (buf: Buffer) => buf.toString("base64url");

export function joinToken(secret: string, linkId: string): string {
  return b64(createHmac("sha256", secret).update(`join-link:${linkId}`).digest());
}

export function hashJoinToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A key for rate limits and logs that is not the address itself. */
export function addressKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("base64url");
}

export interface SignInBinding {
  linkId: string;
  employeeId: string;
}

function bindingSignature(secret: string, magicToken: string, b: SignInBinding): Buffer {
  return createHmac("sha256", secret).update(`employee-sign-in:${magicToken}:${b.linkId}:${b.employeeId}`).digest();
}

/** `<magic token>.<join link id>.<employee id>.<signature>`: what the mailed link's `token` carries. */
export function signInToken(secret: string, magicToken: string, b: SignInBinding): string {
  return [magicToken, b.linkId, b.employeeId, b64(bindingSignature(secret, magicToken, b))].join(".");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The parts of a sign-in token whose signature holds, or null (malformed, altered or foreign). */
export function readSignInToken(secret: string, token: string): (SignInBinding & { magicToken: string }) | null {
  const parts = token.split(".");
  if (parts.length !== 4) return null;
  const [magicToken, linkId, employeeId, signature] = parts as [string, string, string, string];
  if (!/^[A-Za-z0-9]{16,128}$/.test(magicToken) || !UUID.test(linkId) || !UUID.test(employeeId)) return null;
  const expected = bindingSignature(secret, magicToken, { linkId, employeeId });
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { magicToken, linkId, employeeId };
}
