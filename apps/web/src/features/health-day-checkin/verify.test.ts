import { encodeTicketPayload, toBase64Url } from "@bgm/domain";
import { getPublicKeyAsync, signAsync, utils } from "@noble/ed25519";
import { describe, expect, it } from "vitest";
import { checkOffline } from "./verify";

const dayId = "0b8f3c1e-5d2a-4f6b-9c7d-1e2f3a4b5c6d";
const slotId = "1c9e4d2f-6e3b-4a7c-8d9e-2f3a4b5c6d7e";
const ticketId = "2d0f5e3a-7f4c-4b8d-9e0f-3a4b5c6d7e8f";

async function keyPair() {
  const secret = utils.randomSecretKey();
  return { secret, publicKey: toBase64Url(await getPublicKeyAsync(secret)) };
}

async function token(secret: Uint8Array, p = { healthDayId: dayId, slotId, participationId: ticketId }) {
  const payload = encodeTicketPayload(p);
  return `${toBase64Url(payload)}.${toBase64Url(await signAsync(payload, secret))}`;
}

describe("checking a ticket on the phone without the network", () => {
  it("accepts a ticket signed with the day's key and names the ticket and slot", async () => {
    const k = await keyPair();
    expect(await checkOffline({ token: await token(k.secret) }, { healthDayId: dayId, publicKey: k.publicKey })).toEqual({
      kind: "valid",
      ticketId,
      slotId,
    });
  });

  it("refuses a forgery and garbage, and leaves another day's ticket to the server as foreign", async () => {
    const k = await keyPair();
    const other = await keyPair();
    const kit = { healthDayId: dayId, publicKey: k.publicKey };
    expect(await checkOffline({ token: await token(other.secret) }, kit)).toEqual({ kind: "invalid" });
    expect(await checkOffline({ token: "abc.def" }, kit)).toEqual({ kind: "invalid" });
    const foreign = await token(k.secret, { healthDayId: slotId, slotId, participationId: ticketId });
    expect(await checkOffline({ token: foreign }, kit)).toEqual({ kind: "foreign" });
  });

  it("takes a short code of the right form for the server to resolve", async () => {
    const kit = { healthDayId: dayId, publicKey: (await keyPair()).publicKey };
    expect(await checkOffline({ shortCode: "abcde-fgh23" }, kit)).toEqual({ kind: "code" });
    expect(await checkOffline({ shortCode: "O0O0O-I1I1I" }, kit)).toEqual({ kind: "invalid" });
  });
});
