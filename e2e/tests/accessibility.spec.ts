import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expectNoClippedLabels } from "../support/layout";
import { DEMO, signIn, signOut, snapshot } from "../support/session";

async function visit(page: Page, path: string, heading: string | RegExp, name: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expectNoSeriousA11yViolations(page, path);
  await expectNoClippedLabels(page, path);
  await snapshot(page, name);
}

test("public pages have no serious accessibility violations", async ({ page }) => {
  await visit(page, "/login", "Anmelden", "login");
  await visit(page, "/signup", "Konto anlegen", "signup");
  await visit(page, "/forgot-password", "Passwort vergessen", "forgot-password");
  await visit(page, "/reset-password?token=example", "Neues Passwort festlegen", "reset-password");
  await visit(page, "/invite/does-not-exist", "Einladung", "invite-unknown");

  // A wrong password is reported without leaving the page.
  await page.goto("/login");
  await page.getByLabel("E-Mail").fill(DEMO.manager);
  await page.getByRole("textbox", { name: "Passwort", exact: true }).fill("wrong-password");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByRole("alert")).toContainText("E-Mail oder Passwort ist falsch.");
  await expectNoSeriousA11yViolations(page, "login error");
});

test("manager process pages have no serious accessibility violations", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await visit(page, "/phases/1", "Phase 1: Strukturen & Ziele", "phase-1");
  await visit(page, "/tasks/works_council_agreement", "Betriebsvereinbarung mit dem Betriebsrat", "task-works-council");
  await visit(page, "/goals", "Ziele", "goals");
  await page.getByRole("button", { name: "Neues Ziel" }).click();
  await expect(page.getByRole("dialog", { name: "Neues Ziel" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "goal dialog");
  await page.keyboard.press("Escape");

  await signOut(page, "Petra Schneider");
});

test("manager administration pages have no serious accessibility violations", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await visit(page, "/employees", "Beschäftigte", "employees-list");
  await page.getByRole("button", { name: "Beschäftigte/n hinzufügen" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "employee dialog");
  await page.keyboard.press("Escape");

  await visit(page, "/legal", "Rechtliche Anforderungen", "legal");
  await visit(page, "/legal/gbu_psychological", "Gefährdungsbeurteilung (psychische Belastung)", "legal-psychological");
  await expect(page.getByTestId("legal-missing")).toContainText("Das Datum der Beurteilung fehlt.");
  await visit(page, "/team", "Team", "team");
  await visit(page, "/audit", "Audit-Log", "audit");
  await visit(page, "/does-not-exist", "Seite nicht gefunden", "not-found");
  await signOut(page, "Petra Schneider");
});

test("employee, partner and platform admin homes have no serious accessibility violations", async ({ page }) => {
  await signIn(page, DEMO.employee);
  await expect(page.getByRole("heading", { level: 1, name: /Willkommen/ })).toBeVisible();
  await expect(page.getByText(/Muster GmbH/).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, "employee home");
  await snapshot(page, "home-employee");
  await signOut(page, "Max Mustermann");

  await signIn(page, DEMO.partnerAdmin);
  await expect(page.getByRole("heading", { level: 1, name: "Partnerbereich" })).toBeVisible();
  await expect(page.getByText(/Marktplatz/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, "partner home");
  await snapshot(page, "home-partner");
  await visit(page, "/team", "Team", "team-partner");
  await signOut(page, "Marcus");

  await signIn(page, DEMO.admin);
  await expect(page.getByRole("heading", { level: 1, name: "Plattform-Administration" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "admin home");
  await snapshot(page, "home-admin");
});
