import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expectNoClippedLabels, expectNoHorizontalOverflow } from "../support/layout";
import { DEMO, signIn, snapshot } from "../support/session";

/**
 * Petra on a phone: the main pages load, their heading is there, no status or warning badge is cut off,
 * nothing is wider than the screen (wide tables scroll in their own box, reachable by keyboard) and axe finds
 * nothing serious at phone width. The width comes from the project (playwright.config.ts: mobile-390 and
 * mobile-375 run this file).
 */
function widthOf(page: Page) {
  return `${page.viewportSize()?.width ?? "?"} px`;
}

async function visit(page: Page, path: string, name: string) {
  await page.goto(path);
  await checkPage(page, path, name);
}

async function checkPage(page: Page, path: string, name: string) {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Lists and badges arrive after the heading.
  await page.waitForLoadState("networkidle");
  const where = `${path} (${widthOf(page)})`;
  await expectNoClippedLabels(page, where);
  await expectNoHorizontalOverflow(page, where);
  await expectNoSeriousA11yViolations(page, where);
  await snapshot(page, `mobile-${page.viewportSize()?.width}-${name}`);
}

test("the manager's main pages keep every badge readable on a phone", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await visit(page, "/", "dashboard");
  await visit(page, "/phases/1", "phase-1");
  await visit(page, "/phases/2", "phase-2");
  await visit(page, "/employees", "employees");
  await visit(page, "/legal", "legal");
  await visit(page, "/engagements", "engagements");
  await visit(page, "/marketplace", "marketplace");
  await visit(page, "/interventions", "interventions");
  await visit(page, "/health-days", "health-days");
});

test("an offering's page (why it fits, the provider, other offerings) fits a phone", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto("/marketplace");
  await page
    .getByRole("link", { name: /^Mehr erfahren über/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 2, name: "Über den Anbieter" })).toBeVisible();
  await checkPage(page, "offering detail", "offering-detail");
});

test("the partner's pages keep every badge readable on a phone", async ({ page }) => {
  await signIn(page, DEMO.partnerAdmin);
  await visit(page, "/inbox", "partner-inbox");
  await visit(page, "/partner/offerings", "partner-offerings");
});

test("the sign-in page and the employee's start page fit a phone", async ({ page }) => {
  await visit(page, "/login", "sign-in");
  await signIn(page, DEMO.employee);
  await visit(page, "/", "employee-home");
});

test("on a phone the marketplace shows the search and the first offerings; the other filters open with „Filter“", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto("/marketplace");
  await expect(page.getByRole("searchbox", { name: "Suche" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Kategorie" })).toBeHidden();
  const toggle = page.getByRole("button", { name: "Filter", exact: true });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("combobox", { name: "Kategorie" })).toBeVisible();
  await expectNoHorizontalOverflow(page, `/marketplace with the filters open (${widthOf(page)})`);
  await expectNoSeriousA11yViolations(page, `/marketplace with the filters open (${widthOf(page)})`);
});

test("a dialog on a phone fits the screen and passes axe", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto("/goals");
  await page.getByRole("button", { name: "Neues Ziel" }).click();
  const dialog = page.getByRole("dialog", { name: "Neues Ziel" });
  await expect(dialog).toBeVisible();
  await expectNoHorizontalOverflow(page, `goal dialog (${widthOf(page)})`);
  await expectNoSeriousA11yViolations(page, `goal dialog (${widthOf(page)})`);
});
