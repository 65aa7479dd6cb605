import { readFileSync } from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { DEMO, DEMO_PASSWORD, signIn, snapshot } from "../support/session";

/**
 * Issue 13, the DIY planner's web pages: the demo manager opens the demo day "Fit for Work", sees its stations
 * (⏳, the providers have not answered) and the budget, adds a station from the catalog and a time slot on a
 * phone-sized form and opens registration; the demo employee registers for that slot on the start page; the manager's counter shows it.
 */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function newSession(browser: Browser, email: string, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  return page;
}

test("plan the demo health day, add a slot, open registration; an employee registers on the start page", async ({ browser }) => {
  test.setTimeout(360_000);
  const manager = await newSession(browser, DEMO.manager);

  // The list: the brief's card for "Fit for Work".
  await manager.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Gesundheitstage" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: "Gesundheitstage" })).toBeVisible();
  const card = manager.getByTestId("health-day-card").filter({ hasText: "Fit for Work" });
  await expect(card).toContainText("Budget 5.000 €");
  await expect(card.getByTestId("health-day-station")).toHaveCount(3);
  await expect(card.getByTestId("health-day-station").filter({ hasText: "Rückenscreening (Rückenpause GmbH)" })).toContainText("⏳");
  await expect(card).toContainText("Anmeldungen: 0/120 (0 %)");
  await expect(card.getByTestId("health-day-status")).toHaveText("Vorbereitung läuft");
  await expectNoSeriousA11yViolations(manager, "health days list");
  await snapshot(manager, "health-days-list");

  // The day's page: stations, budget tracker, timeline per room, catalog.
  await card.getByRole("link", { name: /Fit for Work/ }).click();
  await expect(manager.getByRole("heading", { level: 1, name: "Fit for Work" })).toBeVisible();
  await expect(manager.getByTestId("station")).toHaveCount(3);
  const budget = manager.getByTestId("budget-tracker");
  await expect(budget.getByTestId("budget-total")).toHaveText("5.000 €");
  // Planned: the three offerings' prices from; booked: nothing accepted yet.
  await expect(budget.getByTestId("budget-planned")).not.toHaveText("0 €");
  await expect(budget.getByTestId("budget-booked")).toHaveText("0 €");
  await expect(manager.getByTestId("catalog-entry").first()).toBeVisible();
  await expect(manager.getByTestId("catalog-entry").filter({ hasText: "Rückenscreening" })).toContainText("Bereits im Plan");
  await expectNoSeriousA11yViolations(manager, "health day detail");
  await snapshot(manager, "health-day-detail");

  // A station from the catalog: the provider gets a booking request, the station waits for it (⏳).
  await manager.getByRole("button", { name: "Gesundheitstag Full-Service als Station hinzufügen" }).click();
  const addStation = manager.getByRole("dialog", { name: "Station hinzufügen: Gesundheitstag Full-Service" });
  await addStation.getByRole("button", { name: "Station hinzufügen und anfragen" }).click();
  await expect(manager.getByText("Gesundheitskasse Nord hat eine Buchungsanfrage erhalten")).toBeVisible();
  await expect(manager.getByTestId("station")).toHaveCount(4);
  await expect(manager.getByTestId("station").filter({ hasText: "Gesundheitstag Full-Service" })).toContainText("Angefragt");
  await expect(manager.getByTestId("catalog-entry").filter({ hasText: "Gesundheitstag Full-Service" })).toContainText("Bereits im Plan");

  // A slot at 16:00 in the Foyer, added on a phone-sized screen through the plain form.
  await manager.setViewportSize(PHONE);
  await manager.getByRole("combobox", { name: "Station für das neue Zeitfenster" }).selectOption({ label: "Rückenscreening" });
  await manager.getByRole("button", { name: "Zeitfenster hinzufügen" }).click();
  const form = manager.getByRole("dialog", { name: "Zeitfenster: Rückenscreening" });
  await form.getByLabel("Beginn").fill("16:00");
  await form.getByLabel("Ende").fill("16:45");
  await form.getByRole("textbox", { name: "Plätze" }).fill("5");
  await form.getByRole("button", { name: "Zeitfenster speichern" }).click();
  await expect(form).toBeHidden();
  const foyer = manager.getByTestId("timeline-lane").filter({ has: manager.getByRole("heading", { name: "Foyer" }) });
  const newSlot = foyer.getByTestId("timeline-slot").filter({ hasText: "16:00–16:45" });
  await expect(newSlot.getByTestId("slot-counter")).toHaveText("0/5 angemeldet");
  await snapshot(manager, "health-day-slot-phone");
  await manager.setViewportSize(DESKTOP);

  // Registration opens.
  await manager.getByRole("button", { name: "Anmeldung öffnen" }).click();
  await expect(manager.getByTestId("health-day-status").first()).toHaveText("Anmeldung offen");
  await expect(manager.getByRole("button", { name: "Anmeldung schließen" })).toBeVisible();

  // Max, on his phone: the start page offers the day's slots; one click and he has the 16:00 place.
  const max = await newSession(browser, DEMO.employee, PHONE);
  await expect(max.getByRole("heading", { level: 2, name: "Gesundheitstage" })).toBeVisible();
  const day = max.getByRole("article", { name: /Fit for Work/ });
  await expect(day.getByTestId("open-health-day-station")).toHaveCount(3);
  const slot = day.getByTestId("health-day-slot").filter({ hasText: "16:00–16:45" });
  await expect(slot.getByTestId("slot-free-places")).toHaveText("5 Plätze frei");
  await slot.getByRole("button", { name: "Anmelden: Rückenscreening, 16:00–16:45" }).click();
  await expect(max.getByText("Angemeldet: Rückenscreening")).toBeVisible();
  await expect(slot.getByTestId("my-slot-place")).toHaveText("Angemeldet");
  const [download] = await Promise.all([
    max.waitForEvent("download"),
    slot.getByRole("link", { name: /Kalenderdatei für Rückenscreening/ }).click(),
  ]);
  const ics = readFileSync(await download.path(), "utf8");
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toContain("Rückenscreening");
  await snapshot(max, "health-day-start-page");

  // The manager's counters: the slot and the card.
  await manager.reload();
  await expect(newSlot.getByTestId("slot-counter")).toHaveText("1/5 angemeldet");
  await expect(manager.getByTestId("health-day-registrations")).toHaveText("Anmeldungen: 1/120 (0 %)");

  // Max gives the place up again in one click; the slot is free again.
  await slot.getByRole("button", { name: "Abmelden: Rückenscreening, 16:00–16:45" }).click();
  await expect(slot.getByTestId("slot-free-places")).toHaveText("5 Plätze frei");
});
