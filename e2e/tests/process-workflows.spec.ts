import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { DEMO, signIn, snapshot } from "../support/session";

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

  await page.goto("/audit");
  await expect(page.getByTestId("audit-table")).toContainText("goal");
  await snapshot(page, "audit-after-changes");
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
