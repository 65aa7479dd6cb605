import { expect, type Page } from "@playwright/test";

const WRITE = { "x-requested-with": "bgm-hub" };
const RUNNING = new Set(["accepted", "in_progress"]);

/**
 * The specs share one database: an earlier spec may have booked the offering this one requests again, and the
 * matching rightly stops suggesting an offering that is booked and under way (issue 14). Before a spec that
 * requests it from a suggestion, the signed-in manager cancels those earlier bookings, as a company would
 * before booking anew.
 */
export async function cancelRunningBookings(page: Page, offeringTitle: string): Promise<void> {
  const res = await page.request.get("/api/engagements?limit=100");
  expect(res.ok(), await res.text()).toBe(true);
  const { items } = (await res.json()) as { items: { id: string; status: string; offeringTitle: string }[] };
  for (const e of items.filter((i) => i.offeringTitle === offeringTitle && RUNNING.has(i.status))) {
    const cancel = await page.request.post(`/api/engagements/${e.id}/transitions`, {
      headers: WRITE,
      data: { action: "cancel", message: "Neu angefragt (e2e)" },
    });
    expect(cancel.ok(), await cancel.text()).toBe(true);
  }
}
