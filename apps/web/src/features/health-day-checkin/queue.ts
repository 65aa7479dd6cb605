import type { CheckInOutcome } from "@bgm/domain";
import { type DBSchema, type IDBPDatabase, openDB } from "idb";

/**
 * The phone's queue of scans in IndexedDB: every scan is kept with the nonce made for it, so a page
 * reload, a lost connection or a retried sync never loses or doubles one. A scan stays `pending` until the
 * server answered for its nonce; the answer (the outcome) is kept to show it.
 */
export interface QueuedScan {
  nonce: string;
  dayId: string;
  token?: string;
  shortCode?: string;
  scannedAt: string;
  deviceId: string;
  /** What the phone could tell offline: the ticket id for a verified QR, for the local duplicate check. */
  ticketId: string | null;
  local: "valid" | "code" | "foreign" | "invalid" | "duplicate";
  outcome: CheckInOutcome | null;
  pending: 0 | 1;
}

interface CheckInDb extends DBSchema {
  scans: { key: string; value: QueuedScan; indexes: { byDay: string; byPending: [string, number] } };
}

let opened: Promise<IDBPDatabase<CheckInDb>> | null = null;
function db() {
  opened ??= openDB<CheckInDb>("bgm-health-day-checkin", 1, {
    upgrade(d) {
      const store = d.createObjectStore("scans", { keyPath: "nonce" });
      store.createIndex("byDay", "dayId");
      store.createIndex("byPending", ["dayId", "pending"]);
    },
  });
  return opened;
}

/** A random nonce for a scan (the server keeps it unique per day). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** This phone's id, made once and kept (no person behind it). */
export function deviceId(): string {
  const key = "bgm-checkin-device";
  let id = localStorage.getItem(key);
  if (!id) {
    id = `phone-${newNonce().slice(0, 12)}`;
    localStorage.setItem(key, id);
  }
  return id;
}

export async function enqueue(scan: QueuedScan): Promise<void> {
  await (await db()).put("scans", scan);
}

export async function pendingScans(dayId: string): Promise<QueuedScan[]> {
  return (await db()).getAllFromIndex("scans", "byPending", [dayId, 1]);
}

export async function allScans(dayId: string): Promise<QueuedScan[]> {
  const rows = await (await db()).getAllFromIndex("scans", "byDay", dayId);
  return rows.sort((a, b) => b.scannedAt.localeCompare(a.scannedAt));
}

export async function settle(answers: { nonce: string; outcome: CheckInOutcome }[]): Promise<void> {
  const tx = (await db()).transaction("scans", "readwrite");
  for (const a of answers) {
    const row = await tx.store.get(a.nonce);
    if (row) await tx.store.put({ ...row, outcome: a.outcome, pending: 0 });
  }
  await tx.done;
}
