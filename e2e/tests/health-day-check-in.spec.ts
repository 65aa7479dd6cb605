import { expect, test } from "@playwright/test";
import { DEMO, signIn, snapshot } from "../support/session";

/**
 * Issue 13, Live, on a phone at the door: Petra's check-in page takes Max's ticket (typed as a hand scanner
 * types the QR's content), then the phone goes offline (Playwright's offline mode), takes a second scan
 * of the same ticket into its queue and flags it as a duplicate, comes back and syncs; the server agrees.
 */
const PHONE = { width: 390, height: 844 };
const XHR = { "X-Requested-With": "bgm-hub" };
const berlin = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(d);

test("check-in on a phone: a ticket online, a duplicate offline, synced when back", async ({ browser }) => {
  const managerContext = await browser.newContext({ viewport: PHONE });
  const petra = await managerContext.newPage();
  await signIn(petra, DEMO.manager);

  // The day (today and tomorrow), a station from the demo's Rückenscreening, a slot whose doors are open.
  const offers = await petra.request.get("/api/marketplace/offerings?category=health_day_module&q=R%C3%BCckenscreening");
  expect(offers.ok(), await offers.text()).toBe(true);
  const offeringId = (await offers.json()).items[0].id as string;
  const now = Date.now();
  const created = await petra.request.post("/api/health-days", {
    headers: XHR,
    data: { title: "Check-in-Test", startsOn: berlin(new Date(now)), endsOn: berlin(new Date(now + 86_400_000)), locations: ["Kantine"] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const dayId = (await created.json()).id as string;
  const station = await petra.request.post(`/api/health-days/${dayId}/modules`, {
    headers: XHR,
    data: { offeringId, location: "Kantine" },
  });
  expect(station.status(), await station.text()).toBe(201);
  const moduleId = (await station.json()).modules[0].id as string;
  const slots = await petra.request.post(`/api/health-days/${dayId}/modules/${moduleId}/slots`, {
    headers: XHR,
    data: {
      slots: [{ startsAt: new Date(now + 20 * 60_000).toISOString(), endsAt: new Date(now + 80 * 60_000).toISOString(), capacity: 10 }],
    },
  });
  expect(slots.status(), await slots.text()).toBe(201);
  const slotId = (await slots.json()).modules[0].slots[0].id as string;
  expect(
    (await petra.request.post(`/api/health-days/${dayId}/transitions`, { headers: XHR, data: { action: "open_registration" } })).ok(),
  ).toBe(true);

  // Max takes a place and has his ticket: a QR image and a token that names nobody.
  const maxContext = await browser.newContext();
  const max = await maxContext.newPage();
  await signIn(max, DEMO.employee);
  const registered = await max.request.post(`/api/me/health-days/${dayId}/slots/${slotId}/registration`, { headers: XHR });
  expect(registered.status(), await registered.text()).toBe(201);
  const tickets = await max.request.get(`/api/me/health-days/${dayId}/tickets`);
  const ticket = (await tickets.json()).items[0] as { token: string; qrUrl: string; shortCode: string };
  expect(JSON.stringify(ticket)).not.toContain("Max");
  const qr = await max.request.get(ticket.qrUrl);
  expect(qr.headers()["content-type"]).toContain("image/svg+xml");

  // At the door: online, the ticket is checked in.
  await petra.goto(`/health-days/${dayId}/check-in`);
  await expect(petra.getByTestId("checkin-online")).toHaveText("Online");
  const code = petra.getByTestId("checkin-code");
  await code.fill(ticket.token);
  await code.press("Enter");
  await expect(petra.getByTestId("checkin-last")).toContainText("✓ eingecheckt");
  await expect(petra.getByTestId("checkin-queue")).toHaveText("Alle Scans synchronisiert");

  // Offline: the same ticket again is queued and flagged on the phone at once.
  await managerContext.setOffline(true);
  await expect(petra.getByTestId("checkin-online")).toHaveText("Offline");
  await code.fill(ticket.token);
  await code.press("Enter");
  await expect(petra.getByTestId("checkin-last")).toContainText("Doppelt");
  await expect(petra.getByTestId("checkin-queue")).toContainText("1 Scan wartet");
  await snapshot(petra, "health-day-check-in-offline");

  // Back online: the queue syncs by itself; the server flags the duplicate, nothing is counted twice.
  await managerContext.setOffline(false);
  await expect(petra.getByTestId("checkin-queue")).toHaveText("Alle Scans synchronisiert", { timeout: 30_000 });
  await expect(petra.getByTestId("checkin-last")).toContainText("Doppelt");
  const live = await petra.request.get(`/api/health-days/${dayId}/check-ins/live?once=true`);
  const figures = JSON.parse(((await live.text()).split("\n").find((l) => l.startsWith("data: ")) ?? "data: {}").slice(6));
  expect(figures.totals).toMatchObject({ checkedIn: 1, registered: 1, duplicates: 1 });
  await managerContext.close();
  await maxContext.close();
});
