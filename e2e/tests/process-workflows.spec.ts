import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { DEMO, signIn, snapshot } from "../support/session";
import { readMails } from "../support/smtp-sink";

test("manager sets a goal and documents a risk assessment", async ({ page }) => {
  await signIn(page, DEMO.manager);

  await page.goto("/goals");
  await page.getByRole("button", { name: "Neues Ziel" }).click();
  const goalDialog = page.getByRole("dialog", { name: "Neues Ziel" });
  await goalDialog.getByRole("textbox", { name: "Ziel", exact: true }).fill("Bewegung fördern");
  await goalDialog.getByRole("textbox", { name: "Messbarer Zielwert" }).fill("30 % der Beschäftigten nehmen am Lauftreff teil");
  await goalDialog.getByLabel("Termin").fill("2027-05-31");
  await goalDialog.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("Ziel angelegt")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Bewegung fördern", exact: true })).toBeVisible();
  await page.getByRole("combobox", { name: "Status: Bewegung fördern" }).selectOption("achieved");
  await expect(page.getByText("Ziel gespeichert")).toBeVisible();

  await page.goto("/legal/gbu_psychological");
  const missing = page.getByTestId("legal-missing");
  await expect(missing).toContainText("Schritt „Arbeitsbereiche und Tätigkeiten festlegen“ ist nicht abgeschlossen.");
  const step = page.getByTestId("step-define_work_areas");
  await step.getByRole("checkbox").check();
  await expect(step.getByRole("checkbox")).toBeChecked();
  await expect(missing).not.toContainText("Arbeitsbereiche und Tätigkeiten festlegen");

  await step.locator('input[type="file"]').setInputFiles({
    name: "Begehungsprotokoll Lager.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n% Begehung\n"),
  });
  await step.getByRole("textbox", { name: "Beschreibung des Nachweises" }).fill("Begehung am 3. März");
  await step.getByRole("button", { name: "Nachweis hochladen" }).click();
  await expect(page.getByText("Nachweis hochgeladen")).toBeVisible();
  await expect(step.getByRole("link", { name: "Begehungsprotokoll Lager.pdf" })).toBeVisible();

  await page.getByRole("textbox", { name: "Maßnahme", exact: true }).fill("Pausenregelung im Lager überarbeiten");
  await page.getByRole("textbox", { name: "Verantwortlich" }).fill("Petra Schneider");
  await page.getByLabel("Fällig am").fill("2027-01-31");
  await page.getByRole("button", { name: "Maßnahme hinzufügen" }).click();
  await expect(page.getByText("Maßnahme hinzugefügt")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Pausenregelung im Lager überarbeiten", exact: true })).toBeVisible();
  await expect(missing).toContainText("Maßnahme „Pausenregelung im Lager überarbeiten“ ist noch nicht durchgeführt.");

  await page.getByRole("combobox", { name: "Anlass" }).selectOption("accident");
  await page.getByRole("textbox", { name: "Beschreibung", exact: true }).fill("Sturz im Lager");
  await page.getByRole("button", { name: "Anlass erfassen" }).click();
  await expect(page.getByText("Anlass erfasst – die Anforderung ist wieder offen.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Verlauf" }).getByText("Arbeitsunfall")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "legal requirement after changes");
  await snapshot(page, "legal-psychological-documented");

  // The audit log reads as sentences: who did what to which object, with a link to it, in German time.
  await page.goto("/audit");
  const entries = page.getByTestId("audit-entry");
  const goalEntry = entries.filter({ hasText: "Petra Schneider hat ein Ziel angelegt: „Bewegung fördern“" });
  await expect(goalEntry).toHaveCount(1);
  await expect(goalEntry.getByRole("link", { name: "„Bewegung fördern“" })).toHaveAttribute("href", "/goals");
  await expect(entries.filter({ hasText: "Petra Schneider hat einen Nachweis hochgeladen" }).first()).toBeVisible();
  await expect(page.getByTestId("audit-sentence").filter({ hasText: "goal.created" })).toHaveCount(0);
  await expect(page.getByText(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, "audit log");
  await snapshot(page, "audit-after-changes");

  // The area filter asks the API for one area only; the technical record stays one click away.
  await page.getByRole("combobox", { name: "Bereich" }).selectOption({ label: "Rechtliches" });
  await expect(entries.filter({ hasText: "hat ein Ziel angelegt" })).toHaveCount(0);
  const evidence = entries
    .filter({ hasText: "Petra Schneider hat einen Nachweis hochgeladen: „Gefährdungsbeurteilung (psychische Belastung)“" })
    .first();
  await expect(evidence.getByRole("link", { name: "„Gefährdungsbeurteilung (psychische Belastung)“" })).toHaveAttribute(
    "href",
    "/legal/gbu_psychological",
  );
  await evidence.getByText("Technische Angaben").click();
  await expect(evidence).toContainText("legal.evidence_added");
  await page.getByRole("combobox", { name: "Bereich" }).selectOption({ label: "Aufträge" });
  const accepted = entries.filter({ hasText: /Petra Schneider hat ein Angebot angenommen: „.+“ · .+/ }).first();
  await expect(accepted).toBeVisible();
  await expect(accepted.getByRole("link")).toHaveAttribute("href", /^\/engagements\/[0-9a-f-]{36}$/);

  // On a phone each entry is a card, not a wide table.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(page.getByRole("article").first()).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await snapshot(page, "audit-phone");
});

test("manager invites a colleague and revokes the invitation", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto("/team");
  await page.getByRole("textbox", { name: "E-Mail" }).fill("neue.kollegin@muster-gmbh.de");
  await page.getByRole("combobox", { name: "Rolle" }).selectOption("bgm_manager");
  await page.getByRole("button", { name: "Einladen" }).click();
  await expect(page.getByText("Einladung an neue.kollegin@muster-gmbh.de verschickt")).toBeVisible();
  const invitations = page.getByRole("region", { name: "Einladungen" });
  await expect(invitations.getByRole("cell", { name: "neue.kollegin@muster-gmbh.de", exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "team with invitation");
  await invitations.getByRole("button", { name: "Einladung an neue.kollegin@muster-gmbh.de zurückziehen" }).click();
  await expect(invitations.getByRole("cell", { name: "neue.kollegin@muster-gmbh.de", exact: true })).toHaveCount(0);
});

test("a colleague joins through the invitation mail's link; the invitation id alone is not enough", async ({ page, browser }) => {
  const email = `kollege.${Date.now()}@muster-gmbh.de`;
  await signIn(page, DEMO.manager);
  await page.goto("/team");
  await page.getByRole("textbox", { name: "E-Mail" }).fill(email);
  await page.getByRole("combobox", { name: "Rolle" }).selectOption("bgm_manager");
  await page.getByRole("button", { name: "Einladen" }).click();
  await expect(page.getByText(`Einladung an ${email} verschickt`)).toBeVisible();

  // The mail arrived over SMTP with a link that carries the signed proof of the address.
  const link = () =>
    readMails(process.env.E2E_MAIL_LOG ?? "")
      .filter((m) => m.to.includes(email))
      .map((m) => /\/invite\/[^\s?]+\?token=[\w-]+/.exec(m.text)?.[0])
      .find(Boolean);
  await expect.poll(link).toBeTruthy();
  const invitePath = link() as string;
  const bareIdPath = invitePath.split("?")[0] as string;

  // Someone who learned only the id signs up with the address: the page refuses to let them in.
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(bareIdPath);
  await guest.getByRole("link", { name: /Registrieren|Konto anlegen/ }).click();
  await guest.getByRole("textbox", { name: "Name" }).fill("Karl Kollege");
  await guest.getByRole("textbox", { name: "E-Mail" }).fill(email);
  await guest.getByRole("textbox", { name: "Passwort" }).fill("Sicheres-Passwort-1");
  await guest.getByRole("button", { name: "Registrieren" }).click();
  await expect(guest).toHaveURL(new RegExp(`${bareIdPath}$`));
  await guest.getByRole("button", { name: "Einladung annehmen" }).click();
  await expect(guest.getByRole("alert")).toContainText("Link aus der Einladungs-E-Mail");
  expect((await (await guest.request.get("/api/me")).json()).memberships).toEqual([]);

  // The link from the mail is the proof: accepting with it joins Muster GmbH as a BGM manager.
  await guest.goto(invitePath);
  await guest.getByRole("button", { name: "Einladung annehmen" }).click();
  await expect(guest).toHaveURL(/\/$/);
  const me = await (await guest.request.get("/api/me")).json();
  expect(me.active).toMatchObject({ organizationName: "Muster GmbH", role: "bgm_manager" });
  await guest.context().close();
});
