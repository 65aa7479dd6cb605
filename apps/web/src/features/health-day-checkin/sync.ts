import { CHECK_IN_BATCH_MAX } from "@bgm/domain";
import { syncScans } from "./api/check-in";
import { pendingScans, settle } from "./queue";

/**
 * Sends the queue in batches and stores each answer. A batch that fails (offline, a timeout) stays
 * pending and is sent again later with the same nonces: the server answers those it already has
 * unchanged, so retrying is always safe.
 */
export async function syncQueue(dayId: string, batchSize = 100): Promise<{ sent: number; left: number }> {
  const pending = await pendingScans(dayId);
  let sent = 0;
  const size = Math.min(batchSize, CHECK_IN_BATCH_MAX);
  for (let i = 0; i < pending.length; i += size) {
    const chunk = pending.slice(i, i + size);
    const { results } = await syncScans(dayId, {
      scans: chunk.map((s) => ({
        nonce: s.nonce,
        ...(s.token !== undefined ? { token: s.token } : { shortCode: s.shortCode as string }),
        scannedAt: s.scannedAt,
        deviceId: s.deviceId,
      })),
    });
    await settle(results);
    sent += chunk.length;
  }
  return { sent, left: pending.length - sent };
}
