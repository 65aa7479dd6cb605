import { type CheckInKit, fromBase64Url, isShortCode, normalizeShortCode, parseTicketToken } from "@bgm/domain";
import { verifyAsync } from "@noble/ed25519";

/**
 * What the phone can tell about a scan without the network: a QR token is checked against the day's
 * public key (Ed25519); a typed short code only for its form — the server resolves it when the queue syncs.
 */
export type LocalCheck = { kind: "valid"; ticketId: string; slotId: string } | { kind: "code" } | { kind: "foreign" } | { kind: "invalid" };

export async function checkOffline(
  input: { token?: string; shortCode?: string },
  kit: Pick<CheckInKit, "healthDayId" | "publicKey">,
): Promise<LocalCheck> {
  if (input.shortCode !== undefined) return isShortCode(input.shortCode) ? { kind: "code" } : { kind: "invalid" };
  const parsed = parseTicketToken(input.token ?? "");
  if (!parsed) return { kind: "invalid" };
  // Another day's ticket cannot be verified here (its key is that day's); the server tells foreign from forged.
  if (parsed.payload.healthDayId !== kit.healthDayId) return { kind: "foreign" };
  const key = fromBase64Url(kit.publicKey);
  if (key?.length !== 32) return { kind: "invalid" };
  try {
    const ok = await verifyAsync(parsed.signature, parsed.signed, key);
    return ok ? { kind: "valid", ticketId: parsed.payload.participationId, slotId: parsed.payload.slotId } : { kind: "invalid" };
  } catch {
    return { kind: "invalid" };
  }
}

export { normalizeShortCode };
