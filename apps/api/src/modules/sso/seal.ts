import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * AES-256-GCM with a key derived from AUTH_SECRET and a purpose: the client secrets of the companies'
 * providers at rest, and the short-lived SSO state cookie. Format: v1.<iv>.<tag>.<ciphertext> (base64url).
 * Changing AUTH_SECRET makes stored client secrets unreadable: they must be entered again (README).
 */
function keyOf(secret: string, purpose: string): Buffer {
  return createHash("sha256").update(`bgm-sso:${purpose}:`).update(secret).digest();
}

export function seal(secret: string, purpose: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(secret, purpose), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** The plain text, or null when the value was not sealed with this secret and purpose (or was altered). */
export function unseal(secret: string, purpose: string, sealed: string): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyOf(secret, purpose), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
