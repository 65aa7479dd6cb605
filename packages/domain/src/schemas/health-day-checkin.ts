import { z } from "zod";
import { Timestamp } from "./common.js";
import { wholeList } from "./lists.js";

/**
 * Check-in at a health day (issue 13, Live): QR tickets carrying a signed token, scans queued on a phone
 * and synced in batches, and the live counts. The ticket codec is pure and shared by the server (which
 * signs) and the check-in page (which verifies offline with the day's public key): a ticket names no
 * person, only the day, the slot and the registration (participation row) by id.
 */

/** What a scan came to. `duplicate`: the ticket was already used (kept and flagged, not counted twice). */
export const CHECK_IN_OUTCOMES = [
  "checked_in",
  "duplicate",
  "refused_cancelled",
  "refused_foreign",
  "refused_not_open",
  "invalid",
] as const;
export type CheckInOutcome = (typeof CHECK_IN_OUTCOMES)[number];
export const CheckInOutcomeSchema = z.enum(CHECK_IN_OUTCOMES);

/** Version byte of the ticket payload; a new layout gets a new number and the old one stays readable. */
export const TICKET_TOKEN_VERSION = 1;
const UUID_BYTES = 16;
/** version (1 byte) + health day id + slot id + participation id (16 bytes each). */
export const TICKET_PAYLOAD_BYTES = 1 + 3 * UUID_BYTES;
const ED25519_SIGNATURE_BYTES = 64;

export interface TicketPayload {
  healthDayId: string;
  slotId: string;
  participationId: string;
  v: number;
}

// base64url without padding, on plain byte arrays (no Buffer: the browser uses the same code).
export function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidBytes(id: string): Uint8Array {
  if (!UUID_RE.test(id)) throw new Error("not a uuid");
  const hex = id.replace(/-/g, "");
  const out = new Uint8Array(UUID_BYTES);
  for (let i = 0; i < UUID_BYTES; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function bytesUuid(b: Uint8Array): string {
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The signed bytes of a ticket: binary rather than JSON so that the QR code stays small (153 characters
 * with the signature) and scans quickly on an old phone camera.
 */
export function encodeTicketPayload(p: Omit<TicketPayload, "v">): Uint8Array {
  const out = new Uint8Array(TICKET_PAYLOAD_BYTES);
  out[0] = TICKET_TOKEN_VERSION;
  out.set(uuidBytes(p.healthDayId), 1);
  out.set(uuidBytes(p.slotId), 1 + UUID_BYTES);
  out.set(uuidBytes(p.participationId), 1 + 2 * UUID_BYTES);
  return out;
}

export function decodeTicketPayload(bytes: Uint8Array): TicketPayload | null {
  if (bytes.length !== TICKET_PAYLOAD_BYTES || bytes[0] !== TICKET_TOKEN_VERSION) return null;
  return {
    v: bytes[0],
    healthDayId: bytesUuid(bytes.subarray(1, 1 + UUID_BYTES)),
    slotId: bytesUuid(bytes.subarray(1 + UUID_BYTES, 1 + 2 * UUID_BYTES)),
    participationId: bytesUuid(bytes.subarray(1 + 2 * UUID_BYTES)),
  };
}

/** A token split into its payload (decoded) and the signature over the payload bytes; null: not a ticket. */
export function parseTicketToken(token: string): { payload: TicketPayload; signed: Uint8Array; signature: Uint8Array } | null {
  const [head, sig, ...rest] = token.trim().split(".");
  if (!head || !sig || rest.length > 0) return null;
  const signed = fromBase64Url(head);
  const signature = fromBase64Url(sig);
  if (!signed || !signature || signature.length !== ED25519_SIGNATURE_BYTES) return null;
  const payload = decodeTicketPayload(signed);
  return payload ? { payload, signed, signature } : null;
}

/** Short codes for typing: 31 characters without the look-alikes 0/O, 1/I/L; 10 of them (~49 bits), shown as "ABCDE-FGH23". */
export const SHORT_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const SHORT_CODE_LENGTH = 10;

/** Upper case, without the separator and spaces people type. */
export function normalizeShortCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

export function isShortCode(input: string): boolean {
  const c = normalizeShortCode(input);
  return c.length === SHORT_CODE_LENGTH && [...c].every((ch) => SHORT_CODE_ALPHABET.includes(ch));
}

export const formatShortCode = (code: string): string => `${code.slice(0, 5)}-${code.slice(5)}`;

// ---- API shapes ----

export const HealthDayTicketParams = z.strictObject({ id: z.uuid(), ticketId: z.uuid() });

export const MyHealthDayTicket = z.object({
  ticketId: z.uuid().describe("The registration (participation row) the ticket stands for"),
  slotId: z.uuid(),
  stationTitle: z.string(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  location: z.string(),
  status: z.enum(["registered", "attended"]).describe("`attended`: the ticket was used"),
  token: z.string().describe("The QR code's content: base64url payload `.` Ed25519 signature"),
  shortCode: z.string().describe("For typing at the door, e.g. `ABCDE-FGH23`"),
  qrUrl: z.string().describe("An SVG image of the QR code"),
});
export type MyHealthDayTicket = z.infer<typeof MyHealthDayTicket>;
export const MyHealthDayTickets = wholeList(MyHealthDayTicket);
export type MyHealthDayTickets = z.infer<typeof MyHealthDayTickets>;

const Nonce = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "8 to 64 characters: letters, digits, - or _")
  .describe("Made by the device for each scan; syncing the same scan again changes nothing");

export const CheckInScan = z
  .strictObject({
    nonce: Nonce,
    token: z.string().min(1).max(400).optional(),
    shortCode: z.string().min(1).max(20).optional(),
    scannedAt: Timestamp.describe("The device's clock at the scan"),
    deviceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  })
  .refine((s) => (s.token === undefined) !== (s.shortCode === undefined), {
    message: "Either token or shortCode",
    path: ["token"],
  });
export type CheckInScan = z.infer<typeof CheckInScan>;

export const CHECK_IN_BATCH_MAX = 500;
export const CheckInBatch = z.strictObject({ scans: z.array(CheckInScan).min(1).max(CHECK_IN_BATCH_MAX) });
export type CheckInBatch = z.infer<typeof CheckInBatch>;

export const CheckInResult = z.object({
  nonce: z.string(),
  outcome: CheckInOutcomeSchema,
  slotId: z.uuid().nullable().describe("Set when the ticket is one of this day's slots"),
  scannedAt: Timestamp,
  receivedAt: Timestamp,
  /** true: this nonce had been synced before; the stored outcome is answered unchanged. */
  replay: z.boolean(),
});
export type CheckInResult = z.infer<typeof CheckInResult>;
export const CheckInBatchResult = z.object({ results: z.array(CheckInResult) });
export type CheckInBatchResult = z.infer<typeof CheckInBatchResult>;

const KitSlot = z.object({ id: z.uuid(), startsAt: Timestamp, endsAt: Timestamp, location: z.string(), status: z.string() });
export const CheckInKit = z.object({
  healthDayId: z.uuid(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.string(),
  publicKey: z.string().describe("The day's Ed25519 public key, raw 32 bytes as base64url"),
  tokenVersion: z.number().int(),
  stations: z.array(z.object({ id: z.uuid(), title: z.string(), location: z.string(), slots: z.array(KitSlot) })),
});
export type CheckInKit = z.infer<typeof CheckInKit>;

const LiveCount = { checkedIn: z.number().int(), registered: z.number().int() };
export const LiveCheckIns = z.object({
  healthDayId: z.uuid(),
  at: Timestamp,
  totals: z.object({ ...LiveCount, duplicates: z.number().int(), refused: z.number().int(), scans: z.number().int() }),
  stations: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      ...LiveCount,
      slots: z.array(z.object({ id: z.uuid(), startsAt: Timestamp, endsAt: Timestamp, status: z.string(), ...LiveCount })),
    }),
  ),
});
export type LiveCheckIns = z.infer<typeof LiveCheckIns>;
