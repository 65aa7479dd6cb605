import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { DEMO, signIn, snapshot } from "../support/session";

test("manager sees the phase overview, updates a phase 2 task and switches to English", async ({ page }) => {
  await signIn(page, DEMO.manager);

  await expect(page.getByRole("heading", { level: 1, name: "Übersicht" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  const phaseNames = ["Strukturen & Ziele", "Analyse", "Planung", "Umsetzung", "Evaluation", "Nachhaltigkeit"];
  for (const name of phaseNames) {
    await expect(page.getByRole("heading", { level: 3, name })).toBeVisible();
  }
  const current = page.getByTestId("phase-card-2");
  await expect(current).toHaveAttribute("data-current", "true");
  await expect(current.getByText("Aktuelle Phase")).toBeVisible();
  await expect(page.getByTestId("kpi-employees")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "dashboard (de)");
  await snapshot(page, "dashboard-de");

  await current.getByRole("link", { name: "Analyse" }).click();
  await expect(page).toHaveURL(/\/phases\/2$/);
  await expect(page.getByRole("heading", { level: 1, name: "Phase 2: Analyse" })).toBeVisible();
  await expect(page.locator('section[data-slot="partner-suggestions"]')).toHaveCount(1);
  await expectNoSeriousA11yViolations(page, "phase 2");
  await snapshot(page, "phase-2");

  await page.getByRole("link", { name: "Mitarbeiterbefragung durchführen" }).click();
  await expect(page).toHaveURL(/\/tasks\/employee_survey$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mitarbeiterbefragung durchführen" })).toBeVisible();
  await expect(page.locator('section[data-slot="partner-suggestions"]')).toHaveCount(1);
  await expectNoSeriousA11yViolations(page, "task employee_survey");

  await page.getByRole("combobox", { name: "Status", exact: true }).selectOption("done");
  await page.getByRole("button", { name: "Aufgabe speichern" }).click();
  await expect(page.getByText("Aufgabe gespeichert")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Status", exact: true })).toHaveValue("done");
  // The status is shown once: the select, with the completion date as its description (no separate badge).
  await expect(page.locator("form").getByText(/^Erledigt am /)).toBeVisible();
  await expect(page.locator("form").getByText("Status:")).toHaveCount(0);
  await snapshot(page, "task-employee-survey-de");

  await page.getByRole("combobox", { name: "Sprache" }).selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Conduct employee survey" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save task" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Owner" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "task employee_survey (en)");
  await snapshot(page, "task-employee-survey-en");

  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  for (const name of ["Structures & goals", "Analysis", "Planning", "Implementation", "Evaluation", "Sustainability"]) {
    await expect(page.getByRole("heading", { level: 3, name })).toBeVisible();
  }
  await expect(page.getByTestId("phase-card-2").getByText("Current phase")).toBeVisible();
  // The status change counts towards the phase progress (the demo's accepted ergonomic assessment
  // already completed the workplace check, so this is the second done task of phase 2).
  await expect(page.getByTestId("phase-card-2").getByText(/2 of 4 tasks done/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, "dashboard (en)");
  await snapshot(page, "dashboard-en");

  // The choice survives a reload.
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
});
