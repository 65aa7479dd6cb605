import { readFileSync } from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { DEMO, DEMO_PASSWORD, signIn, snapshot } from "../support/session";
import { readMails } from "../support/smtp-sink";

/**
 * Issue 12 acceptance, as new users would do it: the demo employee registers for "Lunch & Learn" on the
 * start page and gets the calendar file; the session fills and a second employee lands on the waitlist;
 * the first cancels and the second moves up; the manager marks attendance on a phone at the door.
 * (The partner's three numbers and the insurance report export are further steps of their own.)
 */
const LUNCH = "Lunch & Learn: Gesunde Ernährung";
const PHONE = { width: 390, height: 844 };
const XHR = { "X-Requested-With": "bgm-hub" };

async function newSession(browser: Browser, email: string, password = DEMO_PASSWORD, viewport?: typeof PHONE): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  await signIn(page, email, password);
  return page;
}

/**
 * A second employee as a company gets one: the manager adds the person to the employee register and
 * invites them as an employee; they sign up and accept with the link from the invitation mail.
 */
async function secondEmployee(manager: Page, browser: Browser): Promise<{ email: string; password: string; name: string }> {
  const stamp = Date.now();
  const email = `erika.warteliste.${stamp}@muster-gmbh.de`;
  const password = "Warteliste-2026!";
  const name = "Erika Warteliste";
  const created = await manager.request.post("/api/employees", {
    headers: XHR,
    data: { firstName: "Erika", lastName: "Warteliste", email, department: "Vertrieb", location: "Hamburg" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const invited = await manager.request.post("/api/invitations", { headers: XHR, data: { email, role: "employee" } });
  expect(invited.ok(), await invited.text()).toBe(true);
  const link = () =>
    readMails(process.env.E2E_MAIL_LOG ?? "")
      .filter((m) => m.to.includes(email))
      .map((m) => /\/invite\/([^\s?]+)\?token=([\w-]+)/.exec(m.text))
      .find(Boolean);
  await expect.poll(link).toBeTruthy();
  const [, invitationId, token] = link() as RegExpExecArray;

  const context = await browser.newContext();
  const signUp = await context.request.post("/api/auth/sign-up/email", { headers: XHR, data: { name, email, password } });
  expect(signUp.ok(), await signUp.text()).toBe(true);
  const accepted = await context.request.post(`/api/invitations/${invitationId}/accept`, { headers: XHR, data: { token } });
  expect(accepted.ok(), await accepted.text()).toBe(true);
  await context.close();
  return { email, password, name };
}

test("register on the start page, waitlist and move-up, attendance at the door on a phone", async ({ browser }) => {
  // One story with five signed-in people and four accessibility scans: longer than the suite's default.
  test.setTimeout(480_000);
  const manager = await newSession(browser, DEMO.manager);
  const erika = await secondEmployee(manager, browser);

  // Max, on his phone: the start page offers Lunch & Learn; one click and he has a place.
  const max = await newSession(browser, DEMO.employee, DEMO_PASSWORD, PHONE);
  await expect(max.getByRole("heading", { level: 2, name: "Angebote für Sie" })).toBeVisible();
  const maxLunch = max.getByRole("article", { name: LUNCH });
  await expect(maxLunch).toContainText("mit Upfit");
  // The next Lunch & Learn session (the first one listed): kept by its id, whatever the page shows around it.
  const sessionId = (await maxLunch.getByTestId("open-session").first().getAttribute("data-session-id")) as string;
  const maxSession = max.locator(`[data-testid="open-session"][data-session-id="${sessionId}"]`);
  await expect(maxSession).toContainText(/Noch \d+ Plätze frei/);
  await expect(maxSession).toContainText("Kantine");
  // His certified Rückenfit course: no certificate while it runs, and the page says why.
  await expect(max.getByTestId("certificate").filter({ hasText: "Rückenfit-Kurs (8 Wochen)" })).toContainText("Der Kurs läuft noch");
  await expectNoSeriousA11yViolations(max, "employee start page");
  await snapshot(max, "participation-start-page");
  await maxSession.getByRole("button", { name: "Anmelden" }).click();
  await expect(max.getByText(`Angemeldet: ${LUNCH}.`, { exact: false })).toBeVisible();
  await expect(maxSession.getByTestId("my-place")).toContainText("Angemeldet");

  // The calendar file of his place.
  const [download] = await Promise.all([
    max.waitForEvent("download"),
    maxSession.getByRole("link", { name: /Kalenderdatei für Lunch & Learn/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const ics = readFileSync(await download.path(), "utf8");
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toContain("TZID=Europe/Berlin");
  expect(ics).toContain("Lunch & Learn");
  // …and the confirmation mail arrived with it.
  await expect
    .poll(
      () =>
        readMails(process.env.E2E_MAIL_LOG ?? "").filter(
          (m) => m.to.includes(DEMO.employee) && m.subject.endsWith(`Anmeldung bestätigt – ${LUNCH}`),
        ).length,
    )
    .toBeGreaterThanOrEqual(1);

  // The session fills: the manager lowers its places to the ones taken.
  const detail = await (await manager.request.get("/api/interventions?status=open")).json();
  const lunchId = (detail.items as { id: string; title: string }[]).find((i) => i.title === LUNCH)?.id as string;
  expect(lunchId).toBeTruthy();
  await manager.goto(`/interventions/${lunchId}`);
  await expect(manager.getByRole("heading", { level: 1, name: LUNCH })).toBeVisible();
  const managerSession = manager.locator(`[data-testid="session"][data-session-id="${sessionId}"]`);
  const taken = Number((/(\d+)\/\d+ Plätze/.exec((await managerSession.getByTestId("session-counts").textContent()) ?? "") ?? [])[1]);
  expect(taken).toBeGreaterThan(0);
  await managerSession.getByRole("button", { name: /bearbeiten$/ }).click();
  const edit = manager.getByRole("dialog", { name: "Termin bearbeiten" });
  await edit.getByRole("textbox", { name: "Plätze" }).fill(String(taken));
  await edit.getByRole("button", { name: "Speichern" }).click();
  await expect(managerSession.getByTestId("session-counts")).toContainText(`${taken}/${taken} Plätze`);
  await expectNoSeriousA11yViolations(manager, "intervention detail");
  await snapshot(manager, "participation-intervention-detail");

  // Erika finds it full and joins the waitlist.
  const erikaPage = await newSession(browser, erika.email, erika.password, PHONE);
  const erikaSession = erikaPage.locator(`[data-testid="open-session"][data-session-id="${sessionId}"]`);
  await expect(erikaSession).toContainText("Ausgebucht – Warteliste möglich");
  await erikaSession.getByRole("button", { name: "Auf die Warteliste" }).click();
  await expect(erikaSession.getByTestId("my-place")).toContainText("Warteliste: Platz 1");

  // Max cancels; Erika moves up (and is told by mail).
  await maxSession.getByRole("button", { name: "Abmelden" }).click();
  await expect(max.getByText(`Abgemeldet: ${LUNCH}.`)).toBeVisible();
  // His place went to the waitlist: the session is full again.
  await expect(maxSession).toContainText("Ausgebucht – Warteliste möglich");
  await expect(max.getByTestId("history-row").filter({ hasText: LUNCH }).first()).toContainText("Abgemeldet");
  await erikaPage.reload();
  await expect(erikaSession.getByTestId("my-place")).toContainText("Angemeldet");
  await expect
    .poll(
      () =>
        readMails(process.env.E2E_MAIL_LOG ?? "").filter(
          (m) => m.to.includes(erika.email) && m.subject.endsWith(`Platz frei geworden – ${LUNCH}`),
        ).length,
    )
    .toBeGreaterThanOrEqual(1);
  await expectNoSeriousA11yViolations(erikaPage, "start page after moving up");
  await snapshot(erikaPage, "participation-moved-up");

  // Two weeks ahead the doors are not open yet: the list says from when marks are taken instead of failing on a tap.
  await manager.goto(`/interventions/${lunchId}/sessions/${sessionId}/attendance`);
  await expect(manager.getByTestId("attendance-opens-at")).toHaveText(/^Anwesenheit ab \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Uhr$/);
  await expect(manager.getByRole("button", { name: "Alle anwesend" })).toBeDisabled();
  await expect(manager.getByRole("group", { name: erika.name }).getByRole("button", { name: "Anwesend" })).toBeDisabled();
  await expectNoSeriousA11yViolations(manager, "attendance list before the doors open");
  await snapshot(manager, "participation-attendance-not-open");

  // The day of the session: it begins in ten minutes and the door is open (attendance is taken from half an
  // hour before the start; a browser test cannot move the clock, so the session moves).
  const soon = new Date(Date.now() + 10 * 60_000);
  const moved = await manager.request.patch(`/api/participation-sessions/${sessionId}`, {
    headers: XHR,
    data: { startsAt: soon.toISOString(), endsAt: new Date(soon.getTime() + 3_600_000).toISOString(), registrationDeadline: null },
  });
  expect(moved.status(), await moved.text()).toBe(200);

  // At the door, on a phone: everyone attended, then one correction.
  const door = await newSession(browser, DEMO.manager, DEMO_PASSWORD, PHONE);
  await door.goto(`/interventions/${lunchId}`);
  await door
    .locator(`[data-testid="session"][data-session-id="${sessionId}"]`)
    .getByRole("link", { name: /^Anwesenheit am/ })
    .click();
  await expect(door.getByRole("heading", { level: 1, name: "Anwesenheit" })).toBeVisible();
  const rows = door.getByTestId("attendance-row");
  await expect(rows.filter({ hasText: erika.name })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Max Mustermann" })).toHaveCount(0);
  const expected = await rows.count();
  const summary = door.getByTestId("attendance-summary");
  await expect(summary).toHaveText(`0/${expected} teilgenommen (0 %)`);
  await door.getByRole("button", { name: "Alle anwesend" }).click();
  await expect(summary).toHaveText(`${expected}/${expected} teilgenommen (100 %)`);
  const erikaRow = door.getByRole("group", { name: erika.name });
  await erikaRow.getByRole("button", { name: "Nicht erschienen" }).click();
  await expect(erikaRow.getByRole("button", { name: "Nicht erschienen" })).toHaveAttribute("aria-pressed", "true");
  const rate = new Intl.NumberFormat("de-DE", { style: "percent", maximumFractionDigits: 1 }).format((expected - 1) / expected);
  await expect(summary).toHaveText(`${expected - 1}/${expected} teilgenommen (${rate})`);
  // The touch targets are large enough for a thumb.
  const box = await erikaRow.getByRole("button", { name: "Anwesend" }).boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  await expectNoSeriousA11yViolations(door, "attendance list on a phone");
  await snapshot(door, "participation-attendance-phone");

  // Max came after all: added at the door from the employee register, as a walk-in who attended.
  await door.getByRole("button", { name: "Spontan dabei hinzufügen" }).click();
  const walkIn = door.getByRole("dialog", { name: "Spontan dabei: aus dem Beschäftigtenverzeichnis" });
  await walkIn.getByRole("searchbox", { name: "Name suchen" }).fill("Mustermann");
  await walkIn.getByRole("button", { name: "Max Mustermann hinzufügen" }).click();
  await expect(door.getByText("Max Mustermann als anwesend eingetragen")).toBeVisible();
  await expect(rows.filter({ hasText: "Max Mustermann" })).toContainText("Spontan dabei");
  const withMax = new Intl.NumberFormat("de-DE", { style: "percent", maximumFractionDigits: 1 }).format(expected / (expected + 1));
  await expect(summary).toHaveText(`${expected}/${expected + 1} teilgenommen (${withMax})`);

  // The marks hold after a reload (they were saved, not only shown).
  await door.reload();
  await expect(door.getByTestId("attendance-summary")).toHaveText(`${expected}/${expected + 1} teilgenommen (${withMax})`);

  // Max was added by mistake after all: the manager takes the walk-in out again, after a confirmation.
  await expectNoSeriousA11yViolations(door, "attendance list with a walk-in");
  await snapshot(door, "participation-attendance-walk-in-phone");
  await door.getByRole("button", { name: "Max Mustermann (spontan dabei) entfernen" }).click();
  await door.getByRole("dialog", { name: "Spontan dabei entfernen" }).getByRole("button", { name: "Entfernen" }).click();
  await expect(door.getByText("Max Mustermann von der Liste genommen")).toBeVisible();
  await expect(rows.filter({ hasText: "Max Mustermann" })).toHaveCount(0);
  await expect(summary).toHaveText(`${expected - 1}/${expected} teilgenommen (${rate})`);
});

test("Upfit, the partner of the Lunch & Learn engagement, sees only the three numbers", async ({ page }) => {
  // Upfit's staff member has an account without a password (the demo world has no Upfit login):
  // "Passwort vergessen" gives him one, as it would anyone in that situation.
  const tom = "tom.fit@upfit.example";
  const password = "Upfit-Teilnahme-2026";
  await page.goto("/forgot-password");
  await page.getByLabel("E-Mail").fill(tom);
  await page.getByRole("button", { name: "Link senden" }).click();
  await expect(page.getByText("Falls ein Konto zu dieser E-Mail-Adresse existiert")).toBeVisible();
  const resetLink = () =>
    readMails(process.env.E2E_MAIL_LOG ?? "")
      .filter((m) => m.to.includes(tom))
      .map((m) => /https?:\/\/[^\s]+\/api\/auth\/reset-password\/[^\s]+/.exec(m.text)?.[0])
      .find(Boolean);
  await expect.poll(resetLink).toBeTruthy();
  const link = new URL(resetLink() as string);
  await page.goto(link.pathname + link.search);
  await page.getByLabel("Neues Passwort").fill(password);
  await page.getByRole("button", { name: "Passwort speichern" }).click();
  await expect(page.getByText("Ihr Passwort wurde geändert.")).toBeVisible();
  await signIn(page, tom, password);

  // The engagement from Upfit's inbox.
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Anfragen & Aufträge" }).click();
  await page.getByTestId("engagement-row").filter({ hasText: LUNCH }).getByRole("link", { name: LUNCH }).click();
  await expect(page.getByRole("heading", { level: 1, name: LUNCH })).toBeVisible();
  const section = page.getByRole("region", { name: "Teilnahme (anonym)" });
  await expect(section).toContainText("keine Namen");
  const table = section.getByRole("table", { name: LUNCH });
  await expect(table.getByRole("columnheader")).toHaveText(["Termin", "Teilgenommen", "Angemeldet", "Teilnahmequote"]);
  // The first Lunch & Learn of the demo world: 28 of 32 came. The 28 is shown; 32 is not, because
  // 32 − 28 would name a group of 4 no-shows (below the minimum of 5): "unterdrückt", with the reason.
  const first = table.getByTestId("partner-session").first();
  await expect(first.getByTestId("attended-count")).toHaveText("28");
  await expect(first.getByTestId("registered-count")).toContainText("unterdrückt");
  await expect(first.getByTestId("registered-count")).toContainText("Weniger als 5 Personen");
  await expect(table.getByTestId("partner-total")).toBeVisible();
  for (const name of ["Max Mustermann", "Mustermann", "@muster-gmbh.de"]) await expect(section).not.toContainText(name);

  // The page shows exactly what the API gave the partner, figure by figure, and the answer holds no
  // names, e-mail addresses or employee ids.
  const engagementId = new URL(page.url()).pathname.split("/").pop() as string;
  const answer = await (await page.request.get(`/api/partner/engagements/${engagementId}/participation`)).json();
  const lunch = (answer.interventions as { title: string; sessions: Record<string, number | null>[] }[]).find((i) => i.title === LUNCH);
  expect(lunch).toBeTruthy();
  const shown = (v: number | null, rate = false) =>
    v === null
      ? /unterdrückt|–/
      : rate
        ? new Intl.NumberFormat("de-DE", { style: "percent", maximumFractionDigits: 1 }).format(v)
        : String(v);
  for (const [i, s] of (lunch?.sessions ?? []).entries()) {
    const row = table.getByTestId("partner-session").nth(i);
    await expect(row.getByTestId("attended-count")).toHaveText(shown(s.attendedCount ?? null));
    await expect(row.getByTestId("registered-count")).toHaveText(shown(s.registeredCount ?? null));
    await expect(row.getByTestId("attendance-rate")).toHaveText(shown(s.attendanceRate ?? null, true));
  }
  const keys = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v)) {
        keys.add(k);
        walk(x);
      }
  };
  walk(answer);
  for (const personal of ["firstName", "lastName", "email", "employeeId", "department", "rows", "name"])
    expect(keys).not.toContain(personal);
  await expectNoSeriousA11yViolations(page, "partner participation");
  await snapshot(page, "participation-partner-view");
});

test("the manager runs a weekly course from an engagement and reads the participation reports", async ({ page, browser }) => {
  test.setTimeout(360_000);
  await signIn(page, DEMO.manager);

  // From Upfit's nutrition coaching in progress: "Als Maßnahme anlegen" opens the form for it.
  await page.goto("/engagements");
  await page.getByTestId("engagement-row").filter({ hasText: "Ernährungscoaching (12 Wochen)" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Ernährungscoaching (12 Wochen)" })).toBeVisible();
  await page.getByRole("link", { name: "Als Maßnahme anlegen" }).click();
  await expect(page).toHaveURL(/\/interventions\/new\?engagement=/);
  await expect(page.getByText("Aus dem Partner-Auftrag „Ernährungscoaching (12 Wochen)“")).toBeVisible();
  await page.getByRole("textbox", { name: "Zielgruppe" }).fill("Produktion und Verwaltung");
  await expectNoSeriousA11yViolations(page, "create intervention");
  await page.getByRole("button", { name: "Maßnahme anlegen" }).click();

  // Right after creating: eight weekly sessions in one step.
  const dialog = page.getByRole("dialog", { name: "Termine hinzufügen" });
  await expect(dialog).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Ernährungscoaching (12 Wochen)" })).toBeVisible();
  const first = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  await dialog.getByLabel(/^Datum/).fill(first);
  await dialog.getByLabel(/^Beginn/).fill("16:30");
  await dialog.getByLabel(/^Ende/).fill("17:30");
  await dialog.getByRole("textbox", { name: "Ort" }).fill("Besprechungsraum Alster");
  await dialog.getByRole("textbox", { name: "Plätze" }).fill("15");
  await dialog.getByRole("checkbox", { name: "Wöchentliche Serie" }).check();
  await expect(dialog.getByTestId("series-preview")).toContainText("8 Termine, wöchentlich:");
  await expectNoSeriousA11yViolations(page, "add sessions dialog");
  await dialog.getByRole("button", { name: "Termine anlegen" }).click();
  await expect(page.getByText("8 Termine angelegt")).toBeVisible();
  await expect(page.getByTestId("session")).toHaveCount(8);
  await expect(page.getByTestId("session").first()).toContainText("16:30–17:30");
  await expect(page.getByText("Upfit", { exact: true })).toBeVisible();

  // Max books the whole course on his phone in one step, sees what he got per date, and gives it up again.
  const max = await newSession(browser, DEMO.employee, DEMO_PASSWORD, PHONE);
  const course = max.getByRole("article", { name: "Ernährungscoaching (12 Wochen)" });
  await course.getByRole("button", { name: "Ganzen Kurs buchen" }).click();
  const outcome = course.getByTestId("course-outcome");
  await expect(outcome.getByRole("listitem")).toHaveCount(8);
  await expect(outcome.locator('[data-outcome="registered"]')).toHaveCount(8);
  await expect(course.getByTestId("my-place")).toHaveCount(8);
  await expectNoSeriousA11yViolations(max, "start page after booking a course");
  await snapshot(max, "participation-course-booked-phone");
  await course.getByRole("button", { name: "Kurs stornieren" }).click();
  await max.getByRole("dialog", { name: "Kurs stornieren" }).getByRole("button", { name: "Kurs stornieren" }).click();
  await expect(outcome.locator('[data-outcome="cancelled"]')).toHaveCount(8);
  await expect(course.getByRole("button", { name: "Ganzen Kurs buchen" })).toBeVisible();
  await max.context().close();

  // The list knows it, with its next date.
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Maßnahmen" }).click();
  const row = page.getByTestId("intervention-row").filter({ hasText: "Ernährungscoaching (12 Wochen)" });
  await expect(row).toContainText("8");
  await expect(row).toContainText("Offen");
  await expectNoSeriousA11yViolations(page, "interventions list");

  // Reports: people per category in a sentence, the department with the lowest participation, each
  // figure leading to its interventions.
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Teilnahme-Berichte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Teilnahme-Berichte" })).toBeVisible();
  await expect(page.getByTestId("people-reached")).toContainText(
    /\d+ Beschäftigte haben im Zeitraum an mindestens einem Angebot teilgenommen/,
  );
  const nutrition = page.getByTestId("category-figure").filter({ hasText: "Ernährungsangeboten" });
  await expect(nutrition).toContainText(/\d+ Beschäftigte haben an Ernährungsangeboten teilgenommen/);
  await expect(page.getByTestId("lowest-participation")).toHaveText(/^.+ hat die niedrigste Teilnahme \(\d+(,\d)?\s%\)\.$/);
  await expect(page.getByTestId("month-chart")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "participation reports");
  await snapshot(page, "participation-reports");
  await nutrition.getByRole("link", { name: LUNCH }).click();
  await expect(page.getByRole("heading", { level: 1, name: LUNCH })).toBeVisible();

  // The same pages in English.
  await page.getByRole("combobox", { name: "Sprache" }).selectOption("en");
  await expect(page.getByRole("heading", { level: 2, name: "Sessions" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Participation reports" }).click();
  await expect(page.getByTestId("category-figure").filter({ hasText: "in nutrition offers" })).toContainText(
    /\d+ employees took part in nutrition offers/,
  );
});

test("the manager downloads the insurance report as PDF and CSV with the figures of the report", async ({ browser }) => {
  const manager = await newSession(browser, DEMO.manager);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const to = new Date();
  const from = new Date(to.getTime() - 365 * 24 * 3600 * 1000);
  const period = `from=${day(from)}&to=${day(to)}`;

  const json = await manager.request.get(`/api/participation/insurance-report?${period}`, { headers: XHR });
  expect(json.status(), await json.text()).toBe(200);
  const report = await json.json();
  const lunch = report.interventions.find((i: { title: string }) => i.title === LUNCH);
  expect(lunch, "the demo's Lunch & Learn is in the report").toBeTruthy();

  const csv = await manager.request.get(`/api/participation/insurance-report/export?format=csv&${period}`, { headers: XHR });
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toMatch(/attachment; filename=.*\.csv/);
  const text = (await csv.body()).toString("utf8");
  expect(text.charCodeAt(0), "BOM for German Excel").toBe(0xfeff);
  const reached = report.reach.peopleReached.value === null ? "unterdrückt" : String(report.reach.peopleReached.value);
  const lines = text.split(/\r?\n/);
  const reachedLine = lines.find((line) => line.includes("Erreichte Beschäftigte")) ?? "";
  expect(reachedLine.split(";").map((f) => f.replace(/^"|"$/g, ""))).toContain(reached);
  const lunchLine = lines.find((line) => line.includes("Lunch & Learn")) ?? "";
  const participants = lunch.participants.value === null ? "unterdrückt" : String(lunch.participants.value);
  expect(lunchLine.split(";").map((f) => f.replace(/^"|"$/g, ""))).toContain(participants);
  // Aggregates only: no name or address of the register leaves in the file.
  expect(text).not.toMatch(/@muster-gmbh\.de/);

  const pdf = await manager.request.get(`/api/participation/insurance-report/export?format=pdf&${period}`, { headers: XHR });
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  // The same CSV from the page, as Petra gets it: the menu, the button, a file saved under the server's name.
  await manager.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Bericht für die Krankenkasse" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: "Bericht für die Krankenkasse" })).toBeVisible();
  await expect(manager.getByTestId("insurance-intervention").filter({ hasText: LUNCH })).toBeVisible();
  const [download] = await Promise.all([manager.waitForEvent("download"), manager.getByRole("button", { name: "CSV (Excel)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const saved = readFileSync(await download.path(), "utf8");
  expect(saved.charCodeAt(0), "BOM for German Excel").toBe(0xfeff);
  expect(saved).toContain("Erreichte Beschäftigte");
});
