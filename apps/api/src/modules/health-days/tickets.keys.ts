import { createHmac, createPrivateKey, createPublicKey, hkdfSync, type KeyObject, sign, verify } from "node:crypto";
import {
  encodeTicketPayload,
  parseTicketToken,
  SHORT_CODE_ALPHABET,
  SHORT_CODE_LENGTH,
  type TicketPayload,
  toBase64Url,
} from "@bgm/domain";
import { LRUCache } from "lru-cache";

/**
 * The keys of a health day's QR tickets. Each day has its own Ed25519 key pair, derived from the
 * installation's secret and the day's id (HKDF → 32-byte seed), so nothing is stored and every server
 * instance derives the same pair. The check-in page gets only the public key and verifies tickets
 * offline: a lost phone holds no attendee list and no key that could make a ticket, and a leaked public
 * key of one day says nothing about another's. Rotating the installation secret voids all tickets.
 *
 * The short code people can type is an HMAC of the registration id under the same secret: it cannot be
 * verified offline (the phone queues it), the server finds it among the day's registrations.
 */

// DER prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const HKDF_SALT = "bgm-hub/health-day-tickets/v1";

interface DayKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Raw 32-byte public key, base64url. */
  publicKeyRaw: string;
}

export interface TicketKeys {
  publicKey(healthDayId: string): string;
  sign(p: Omit<TicketPayload, "v">): string;
  /** The payload of a token signed with this day's key; null for anything else (malformed, forged, another day's key). */
  verify(token: string, healthDayId: string): TicketPayload | null;
  shortCode(healthDayId: string, participationId: string): string;
}

export function ticketKeys(secret: string): TicketKeys {
  // A handful of days are active at once; deriving a key pair costs ~50 µs, a bounded cache keeps it off the scan path.
  const cache = new LRUCache<string, DayKeys>({ max: 500 });
  const keysOf = (healthDayId: string): DayKeys => {
    const hit = cache.get(healthDayId);
    if (hit) return hit;
    const seed = Buffer.from(hkdfSync("sha256", secret, HKDF_SALT, `health-day:${healthDayId}`, 32));
    const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: "der", type: "pkcs8" });
    const publicKey = createPublicKey(privateKey);
    const jwk = publicKey.export({ format: "jwk" });
    const keys = { privateKey, publicKey, publicKeyRaw: jwk.x as string };
    cache.set(healthDayId, keys);
    return keys;
  };

  return {
    publicKey: (healthDayId) => keysOf(healthDayId).publicKeyRaw,
    sign(p) {
      const payload = encodeTicketPayload(p);
      const signature = sign(null, payload, keysOf(p.healthDayId).privateKey);
      return `${toBase64Url(payload)}.${toBase64Url(signature)}`;
    },
    verify(token, healthDayId) {
      const parsed = parseTicketToken(token);
      if (!parsed || parsed.payload.healthDayId !== healthDayId) return null;
      return verify(null, parsed.signed, keysOf(healthDayId).publicKey, parsed.signature) ? parsed.payload : null;
    },
    shortCode(healthDayId, participationId) {
      const mac = createHmac("sha256", secret).update(`health-day-ticket-code:${healthDayId}:${participationId}`).digest();
      let n = mac.readBigUInt64BE(0);
      const base = BigInt(SHORT_CODE_ALPHABET.length);
      let code = "";
      for (let i = 0; i < SHORT_CODE_LENGTH; i++) {
        code += SHORT_CODE_ALPHABET[Number(n % base)];
        n /= base;
      }
      return code;
    },
  };
}
