import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { DEMO, DEMO_PASSWORD, signIn, snapshot } from "../support/session";

/**
 * Issue 13, full-service mode (ADR 0015), the second acceptance story: Muster GmbH has booked Gesundheitskasse
 * Nord's full-service health day (set up through the API: request, quote, acceptance); Petra creates a
 * full-service day and hands it to that booking with an approval limit of 500 €; Anna opens her planner portal,
 * adds a sub-provider's station above the limit and a time slot; Petra cannot open registration yet
 * (approvals pending), sees "Freigabe ausstehend" and approves plan and budget; registration opens, Max
 * registers. Anna's pages show the headcount but never a name or e-mail of Muster GmbH's people.
 */
const WRITE = { "x-requested-with": "bgm-hub" };
const ANNA = "anna@gk-nord.de";

async function session(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, DEMO_PASSWORD);
  return page;
}

async function json<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as T;
}

/** The planner's main region may show figures, never a person of the company. */
async function expectNoNames(page: Page, people: readonly string[]) {
  const text = ((await page.getByRole("main").textContent()) ?? "").toLowerCase();
  for (const p of people) expect(text, `Anna's page shows "${p}"`).not.toContain(p.toLowerCase());
  expect(text).not.toContain("@muster-gmbh.de");
}

test("a full-service planner plans Muster GmbH's day without names; the company approves plan and budget", async ({ browser }) => {
  test.setTimeout(360_000);
  const petra = await session(browser, DEMO.manager);
  const anna = await session(browser, ANNA);

  // Setup through the API: the accepted full-service booking, and a full-service day with Petra responsible.
  const offerings = await json<{ items: { id: string; title: string; providerName: string }[] }>(
    await petra.request.get("/api/marketplace/offerings?category=full_service_health_day"),
  );
  const fullService = offerings.items.find((o) => o.providerName === "Gesundheitskasse Nord");
  expect(fullService).toBeTruthy();
  const booking = await json<{ id: string }>(
    await petra.request.post("/api/engagements", {
      headers: WRITE,
      data: { offeringId: fullService?.id, taskKey: "plan_health_day", brief: { what: "Gesundheitstag im Sommer, Full-Service" } },
    }),
  );
  await json(
    await anna.request.post(`/api/engagements/${booking.id}/quotes`, {
      headers: WRITE,
      data: { priceCents: 0, scopeOfWork: "Planung, Anbieter und Bericht aus einer Hand", validUntil: "2099-12-31" },
    }),
  );
  await json(await petra.request.post(`/api/engagements/${booking.id}/transitions`, { headers: WRITE, data: { action: "accept_quote" } }));
  const me = await json<{ user: { id: string; name: string; email: string } }>(await petra.request.get("/api/me"));
  const day = await json<{ id: string }>(
    await petra.request.post("/api/health-days", {
      headers: WRITE,
      data: {
        title: "Sommer-Gesundheitstag",
        startsOn: "2027-06-15",
        locations: ["Kantine"],
        expectedHeadcount: 80,
        budgetCents: 800_000,
        mode: "full_service",
        responsibleUserId: me.user.id,
      },
    }),
  );
  const employees = await json<{ items: { firstName: string; lastName: string; email: string }[] }>(
    await petra.request.get("/api/employees?limit=100"),
  );
  const people = [
    me.user.name,
    me.user.email,
    "Max Mustermann",
    DEMO.employee,
    ...employees.items.flatMap((e) => [`${e.firstName} ${e.lastName}`, e.email]),
  ];

  // Petra hands the day over in the "Planer" panel, with a limit of 500 €.
  await petra.goto(`/health-days/${day.id}`);
  await expect(petra.getByRole("heading", { level: 1, name: "Sommer-Gesundheitstag" })).toBeVisible();
  const panel = petra.getByTestId("planner-panel");
  await panel.getByRole("combobox", { name: "Full-Service-Buchung" }).selectOption(booking.id);
  await panel.getByRole("textbox", { name: "Freigabegrenze" }).fill("500");
  await panel.getByRole("button", { name: "An Planer übergeben" }).click();
  await expect(petra.getByText("Der Tag wurde an Gesundheitskasse Nord übergeben.")).toBeVisible();
  await expect(panel).toContainText("Gesundheitskasse Nord");
  await expect(panel).toContainText("500 €");
  await expect(panel.getByTestId("planner-plan-approved")).toHaveText("Plan noch nicht freigegeben");

  // Anna: her portal lists the booking with the day; the day's page shows no names.
  await anna.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Gesundheitstage (Planung)" }).click();
  await expect(anna.getByRole("heading", { level: 1, name: "Gesundheitstage (Planung)" })).toBeVisible();
  const item = anna.getByTestId("planner-day").filter({ hasText: "Muster GmbH" }).filter({ hasText: "Sommer-Gesundheitstag" });
  await item.getByRole("link", { name: /Sommer-Gesundheitstag/ }).click();
  await expect(anna).toHaveURL(new RegExp(`/planner/health-days/${booking.id}$`));
  await expect(anna.getByRole("heading", { level: 1, name: "Sommer-Gesundheitstag" })).toBeVisible();
  await expect(anna.getByTestId("planner-limit")).toContainText("Freigabegrenze: 500 €");

  // A sub-provider's station above the limit (Rückenscreening from 950 €): it waits for Petra's approval.
  const entry = anna.getByTestId("catalog-entry").filter({ hasText: "Rückenscreening" });
  await expect(entry).toContainText("Braucht Freigabe des Unternehmens");
  await expect(anna.getByTestId("catalog-entry").filter({ hasText: "Gesundheitstag Full-Service" })).toHaveCount(0);
  await entry.getByRole("button", { name: "Rückenscreening hinzufügen" }).click();
  const add = anna.getByRole("dialog", { name: "Station: Rückenscreening" });
  await add.getByRole("button", { name: "Hinzufügen und anfragen" }).click();
  await expect(anna.getByText("Station hinzugefügt; Rückenpause GmbH erhält eine Anfrage.")).toBeVisible();
  const station = anna.getByTestId("station").filter({ hasText: "Rückenscreening" });
  await expect(station.getByTestId("approval-status").first()).toHaveText("Freigabe ausstehend");

  // And a slot at 10:00 through the plain form.
  await anna.getByRole("button", { name: "Zeitfenster hinzufügen" }).click();
  const form = anna.getByRole("dialog", { name: "Zeitfenster: Rückenscreening" });
  await form.getByLabel("Beginn").fill("10:00");
  await form.getByLabel("Ende").fill("10:45");
  await form.getByRole("textbox", { name: "Plätze" }).fill("8");
  await form.getByRole("button", { name: "Zeitfenster speichern" }).click();
  await expect(form).toBeHidden();
  await expect(anna.getByTestId("timeline-slot").filter({ hasText: "10:00–10:45" }).getByTestId("slot-counter")).toHaveText(
    "0/8 angemeldet",
  );
  await expectNoNames(anna, people);
  await expectNoSeriousA11yViolations(anna, "planner health day");
  await snapshot(anna, "planner-health-day");

  // Petra: registration waits for the approval; she sees the station pending and approves plan and budget.
  await petra.reload();
  await expect(panel.getByTestId("planner-pending")).toHaveText("1 Station wartet auf Freigabe");
  const pending = panel.getByTestId("planner-station").filter({ hasText: "Rückenscreening" });
  await expect(pending.getByTestId("approval-status").first()).toHaveText("Freigabe ausstehend");
  await expect(pending.getByRole("button", { name: "Rückenscreening freigeben" })).toBeVisible();
  await petra.getByRole("button", { name: "Anmeldung öffnen" }).click();
  await expect(petra.getByText(/erst öffnen, wenn über alle Stationen des Planers entschieden ist/)).toBeVisible();
  await expectNoSeriousA11yViolations(petra, "full-service day, company side");
  await snapshot(petra, "full-service-day-pending");
  await panel.getByRole("button", { name: "Plan und Budget freigeben" }).click();
  await expect(petra.getByText("Plan und Budget freigegeben.")).toBeVisible();
  await expect(panel.getByTestId("planner-plan-approved")).toContainText("Plan freigegeben am");
  await expect(pending.getByTestId("approval-status").first()).toHaveText("Freigegeben");
  await expect(panel.getByTestId("planner-pending")).toHaveText("0 Stationen warten auf Freigabe");
  await petra.getByRole("button", { name: "Anmeldung öffnen" }).click();
  await expect(petra.getByTestId("health-day-status").first()).toHaveText("Anmeldung offen");

  // Max registers (through the API); Anna sees the headcount, still no name, and the approval.
  const max = await session(browser, DEMO.employee);
  const open = await json<{ items: { id: string; modules: { slots: { id: string }[] }[] }[] }>(
    await max.request.get("/api/me/health-days"),
  );
  const slotId = open.items.find((d) => d.id === day.id)?.modules[0]?.slots[0]?.id;
  expect(slotId).toBeTruthy();
  await json(await max.request.post(`/api/me/health-days/${day.id}/slots/${slotId}/registration`, { headers: WRITE }));
  await anna.reload();
  await expect(anna.getByTestId("station").filter({ hasText: "Rückenscreening" }).getByTestId("approval-status").first()).toHaveText(
    "Freigegeben",
  );
  await expect(anna.getByTestId("planner-limit")).toContainText("Plan freigegeben am");
  await expect(anna.getByTestId("timeline-slot").filter({ hasText: "10:00–10:45" }).getByTestId("slot-counter")).toHaveText(
    "1/8 angemeldet",
  );
  await expectNoNames(anna, people);
  await snapshot(anna, "planner-health-day-approved");
});
