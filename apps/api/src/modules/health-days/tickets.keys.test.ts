import { randomUUID } from "node:crypto";
import { fromBase64Url, isShortCode, parseTicketToken, toBase64Url } from "@bgm/domain";
import * as ed from "@noble/ed25519";
import { describe, expect, it } from "vitest";
import { ticketKeys } from "./tickets.keys.js";

const SECRET = "ticket-secret-ticket-secret-ticket-secret";
const keys = ticketKeys(SECRET);
const ids = () => ({ healthDayId: randomUUID(), slotId: randomUUID(), participationId: randomUUID() });

describe("QR ticket tokens", () => {
  it("signs a compact token naming only ids, and verifies it with the day's key", () => {
    const p = ids();
    const token = keys.sign(p);
    expect(token).toMatch(/^[A-Za-z0-9_-]{66}\.[A-Za-z0-9_-]{86}$/);
    expect(keys.verify(token, p.healthDayId)).toEqual({ ...p, v: 1 });
    expect(parseTicketToken(token)?.payload).toEqual({ ...p, v: 1 });
  });

  it("derives the same key pair again (another instance, a restart), but another one per day and per secret", () => {
    const day = randomUUID();
    expect(ticketKeys(SECRET).publicKey(day)).toBe(keys.publicKey(day));
    expect(keys.publicKey(randomUUID())).not.toBe(keys.publicKey(day));
    expect(ticketKeys(`${SECRET}-rotated`).publicKey(day)).not.toBe(keys.publicKey(day));
    expect(fromBase64Url(keys.publicKey(day))).toHaveLength(32);
  });

  it("refuses forgeries: a changed payload, a changed signature, another secret's key, another day's key, garbage", () => {
    const p = ids();
    const token = keys.sign(p);
    const [head, sig] = token.split(".") as [string, string];
    const payload = fromBase64Url(head) as Uint8Array;
    const otherParticipation = ids().participationId.replace(/-/g, "");
    for (let i = 0; i < 16; i++) payload[33 + i] = Number.parseInt(otherParticipation.slice(i * 2, i * 2 + 2), 16);
    expect(keys.verify(`${toBase64Url(payload)}.${sig}`, p.healthDayId)).toBeNull();
    const signature = fromBase64Url(sig) as Uint8Array;
    signature[10] = (signature[10] ?? 0) ^ 1;
    expect(keys.verify(`${head}.${toBase64Url(signature)}`, p.healthDayId)).toBeNull();
    expect(keys.verify(ticketKeys("another-secret-another-secret-12345").sign(p), p.healthDayId)).toBeNull();
    expect(keys.verify(token, randomUUID())).toBeNull();
    for (const junk of ["", ".", "abc.def", `${head}.`, `${token}.x`, "<script>", `${head}.${sig}A`]) {
      expect(keys.verify(junk, p.healthDayId), junk).toBeNull();
    }
  });

  it("verifies offline in the browser's way: @noble/ed25519 with the published raw public key", async () => {
    const p = ids();
    const parsed = parseTicketToken(keys.sign(p));
    const pub = fromBase64Url(keys.publicKey(p.healthDayId)) as Uint8Array;
    expect(parsed).not.toBeNull();
    expect(await ed.verifyAsync(parsed?.signature as Uint8Array, parsed?.signed as Uint8Array, pub)).toBe(true);
    const other = fromBase64Url(keys.publicKey(randomUUID())) as Uint8Array;
    expect(await ed.verifyAsync(parsed?.signature as Uint8Array, parsed?.signed as Uint8Array, other)).toBe(false);
  });

  it("gives each registration a stable short code of the unambiguous alphabet, different per registration and day", () => {
    const day = randomUUID();
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = keys.shortCode(day, randomUUID());
      expect(isShortCode(code), code).toBe(true);
      codes.add(code);
    }
    expect(codes.size).toBe(2000);
    const one = randomUUID();
    expect(keys.shortCode(day, one)).toBe(keys.shortCode(day, one));
    expect(keys.shortCode(randomUUID(), one)).not.toBe(keys.shortCode(day, one));
  });
});
