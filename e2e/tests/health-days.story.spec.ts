import { readFileSync } from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { pdfText } from "../../apps/api/test/pdf-text";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { DEMO, signIn, snapshot } from "../support/session";
import { readMails } from "../support/smtp-sink";

/**
 * Issue 13's acceptance story, the brief's "Fit for Work" day in one go, as Petra would live it:
 * she builds a DIY day from four catalog modules; Gesundheitskasse Nord quotes and she accepts (✓), the
 * others stay pending (⏳); she invites all 120 employees by mail and the counter shows the registrations;
 * on the day her phone scans tickets, goes offline, scans more, comes back and syncs; the live panel
 * counts right; the report (page and PDF) has the figures.
 *
 * Runs after `health-days.spec.ts` (file order), which expects the demo day "Fit for Work" alone.
 * The day is today (and tomorrow, so that slots late in the evening stay inside it), so that its doors open.
 */
const TITLE = "Fit for Work Lübeck";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const XHR = { "X-Requested-With": "bgm-hub" };
const STATIONS = ["Rückenscreening", "Stress-Messung", "Ergonomie-Station für den Gesundheitstag", "Gesundheitstag Full-Service"];
const berlin = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(d);

async function newSession(browser: Browser, email: string, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("Fit for Work: four catalog modules, one confirmed, 120 invited, check-in offline and back, live figures, report PDF", async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const petra = await newSession(browser, DEMO.manager);
  const today = berlin(new Date());
  const tomorrow = berlin(new Date(Date.now() + 86_400_000));

  // Petra plans a new day in DIY mode through the form.
  await petra.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Gesundheitstage" }).click();
  await petra.getByRole("button", { name: "Neuer Gesundheitstag" }).click();
  const form = petra.getByRole("dialog", { name: "Neuer Gesundheitstag" });
  await form.getByRole("textbox", { name: "Titel" }).fill(TITLE);
  await form.getByLabel("Datum (erster Tag)").fill(today);
  await form.getByLabel("Letzter Tag").fill(tomorrow);
  await form.getByRole("textbox", { name: "Orte und Räume" }).fill("Foyer\nKantine");
  await form.getByRole("textbox", { name: "Erwartete Teilnehmende" }).fill("120");
  await form.getByRole("textbox", { name: "Budget" }).fill("5.000");
  await form.getByRole("button", { name: "Gesundheitstag anlegen" }).click();
  await expect(petra.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  const dayId = new URL(petra.url()).pathname.split("/").pop() ?? "";

  // Four modules from the catalog: each sends its provider a booking request.
  for (const title of STATIONS) {
    await petra.getByRole("button", { name: `${title} als Station hinzufügen` }).click();
    const dialog = petra.getByRole("dialog", { name: `Station hinzufügen: ${title}` });
    await dialog.getByRole("button", { name: "Station hinzufügen und anfragen" }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(petra.getByTestId("station")).toHaveCount(4);
  for (const s of STATIONS) await expect(petra.getByTestId("station").filter({ hasText: s })).toContainText("Angefragt");

  // Gesundheitskasse Nord answers its request with a quote; Petra accepts: that station is confirmed.
  const gkLink = petra.getByRole("link", { name: "Auftrag zu Gesundheitstag Full-Service" });
  const engagementPath = (await gkLink.getAttribute("href")) ?? "";
  const anna = await newSession(browser, "anna@gk-nord.de");
  await anna.goto(engagementPath);
  await anna.getByRole("button", { name: "Angebot senden" }).click();
  const quote = anna.getByRole("dialog", { name: "Angebot senden" });
  await quote.getByRole("textbox", { name: "Preis (€)" }).fill("1.200");
  await quote
    .getByRole("textbox", { name: "Leistungsumfang" })
    .fill("Moderation und Gesundheitscheck-Station, 9–15 Uhr, Material inklusive.");
  await quote.getByRole("button", { name: "Angebot senden" }).click();
  await expect(anna.getByTestId("quote").first()).toContainText("1.200 €");

  await gkLink.click();
  await petra.getByRole("button", { name: "Angebot annehmen" }).click();
  await petra.getByRole("dialog", { name: "Angebot annehmen" }).getByRole("button", { name: "Angebot annehmen" }).click();
  await expect(petra.getByTestId("quote").first()).toHaveAttribute("data-status", "accepted");
  await petra.goto(`/health-days/${dayId}`);
  await expect(petra.getByTestId("station").filter({ hasText: "Gesundheitstag Full-Service" })).toContainText("Bestätigt");
  await expect(petra.getByTestId("station").filter({ hasText: "Rückenscreening" })).toContainText("Angefragt");
  await expect(petra.getByTestId("budget-tracker").getByTestId("budget-booked")).toHaveText("1.200 €");

  // Slots whose doors open soon (made through the API: the phone form is the subject of health-days.spec).
  const day = await (await petra.request.get(`/api/health-days/${dayId}`)).json();
  const back = day.modules.find((m: { title: string }) => m.title === "Rückenscreening");
  const now = Date.now();
  const slot = await petra.request.post(`/api/health-days/${dayId}/modules/${back.id}/slots`, {
    headers: XHR,
    data: {
      slots: [{ startsAt: new Date(now + 20 * 60_000).toISOString(), endsAt: new Date(now + 65 * 60_000).toISOString(), capacity: 12 }],
    },
  });
  expect(slot.status(), await slot.text()).toBe(201);

  // Registration opens; Petra invites everyone: one mail per active person of the register (the demo's 120,
  // plus whoever earlier specs on this database added).
  await petra.reload();
  await petra.getByRole("button", { name: "Anmeldung öffnen" }).click();
  await expect(petra.getByTestId("health-day-status").first()).toHaveText("Anmeldung offen");
  const invite = petra.getByRole("region", { name: "Einladen" });
  const everyone = invite.getByRole("radio", { name: /^Alle aktiven Beschäftigten \(\d+\)$/ });
  await expect(everyone).toBeChecked();
  const label = await invite.getByText(/^Alle aktiven Beschäftigten \(\d+\)$/).textContent();
  const people = Number(label?.match(/\((\d+)\)/)?.[1]);
  expect(people).toBeGreaterThanOrEqual(120);
  await expectNoSeriousA11yViolations(petra, "health day invitations");
  await invite.getByRole("button", { name: "Einladung senden" }).click();
  await expect(invite.getByTestId("invitation-result")).toHaveText(
    `${people} Personen eingeladen (davon 0 bereits zuvor). Insgesamt eingeladen: ${people}.`,
  );
  const invitations = () => readMails(process.env.E2E_MAIL_LOG ?? "").filter((m) => m.subject.includes(`Gesundheitstag – ${TITLE}`));
  await expect.poll(() => invitations().length, { timeout: 60_000 }).toBe(people);
  expect(invitations().some((m) => m.to.includes(DEMO.employee))).toBe(true);

  // Max registers on his start page; Petra's counter shows it.
  const max = await newSession(browser, DEMO.employee, PHONE);
  const article = max.getByRole("article", { name: new RegExp(TITLE) });
  await article.getByRole("button", { name: /^Anmelden: Rückenscreening/ }).click();
  await expect(max.getByText("Angemeldet: Rückenscreening")).toBeVisible();
  await petra.reload();
  await expect(petra.getByTestId("health-day-registrations")).toContainText("Anmeldungen: 1/120");

  // The day starts. At the door, on Petra's phone: Max's ticket online, then offline the same again and a forged one.
  await petra.getByRole("button", { name: "Gesundheitstag starten" }).click();
  await expect(petra.getByTestId("health-day-status").first()).toHaveText("Läuft");
  const tickets = await (await max.request.get(`/api/me/health-days/${dayId}/tickets`)).json();
  const token = (tickets.items as { token: string; slotId?: string }[])[0]?.token ?? "";
  expect(token).not.toBe("");
  // A forged ticket: the same payload with one character of the signature changed (a whole base64url digit
  // in the middle, so the signature's bytes really differ).
  const at = token.lastIndexOf(".") + 10;
  const forged = `${token.slice(0, at)}${token[at] === "x" ? "y" : "x"}${token.slice(at + 1)}`;

  const doorContext = await browser.newContext({ viewport: PHONE });
  const door = await doorContext.newPage();
  await signIn(door, DEMO.manager);
  await door.goto(`/health-days/${dayId}/check-in`);
  await expect(door.getByTestId("checkin-online")).toHaveText("Online");
  const code = door.getByTestId("checkin-code");
  await code.fill(token);
  await code.press("Enter");
  await expect(door.getByTestId("checkin-last")).toContainText("✓ eingecheckt");

  await doorContext.setOffline(true);
  await expect(door.getByTestId("checkin-online")).toHaveText("Offline");
  await code.fill(forged);
  await code.press("Enter");
  await expect(door.getByTestId("checkin-last")).toContainText("Ungültig");
  await code.fill(token);
  await code.press("Enter");
  await expect(door.getByTestId("checkin-last")).toContainText("Doppelt");
  // Both scans wait on the phone: the server keeps a record of the refused one too.
  await expect(door.getByTestId("checkin-queue")).toContainText("2 Scans warten");
  await doorContext.setOffline(false);
  await expect(door.getByTestId("checkin-queue")).toHaveText("Alle Scans synchronisiert", { timeout: 30_000 });
  await snapshot(door, "fit-for-work-check-in");

  // The live panel on the day's page counts one person in, one duplicate; nothing twice.
  await petra.reload();
  await expect(petra.getByTestId("checkin-live-total")).toContainText("1 von 1 eingecheckt");
  await expect(petra.getByTestId("checkin-live")).toContainText("Doppelte Scans: 1");
  await expect(petra.getByTestId("checkin-live")).toContainText("Abgewiesen: 1");

  // The day ends; the report on the page and as a PDF has the figures.
  await petra.getByRole("button", { name: "Abschließen" }).click();
  await expect(petra.getByTestId("health-day-status").first()).toHaveText("Abgeschlossen");
  const report = petra.getByRole("region", { name: "Auswertung" });
  await expect(report.getByTestId("report-totals")).toContainText("1 Personen angemeldet, 1 teilgenommen");
  const row = report.getByTestId("report-station").filter({ hasText: "Rückenscreening" });
  await expect(row).toContainText("1/12");
  await expectNoSeriousA11yViolations(petra, "health day report");
  await snapshot(petra, "fit-for-work-report");
  const [download] = await Promise.all([petra.waitForEvent("download"), report.getByRole("link", { name: "Bericht als PDF" }).click()]);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const text = pdfText(pdf);
  expect(text).toContain(TITLE);
  expect(text).toContain("Rückenscreening");
  expect(text).toContain("Gesundheitskasse Nord");
  expect(text).not.toContain("Mustermann");
  await doorContext.close();
});
