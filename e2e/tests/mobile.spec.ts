import { expect, type Page, test } from "@playwright/test";
import { expectNoClippedLabels, expectNoHorizontalOverflow } from "../support/layout";
import { DEMO, signIn, snapshot } from "../support/session";

/**
 * Petra on a phone (375 × 812, the narrowest current iPhone): the main pages load, their heading is there, no
 * status or warning badge is cut off, and nothing is wider than the screen (wide tables scroll in their own box).
 */
test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

async function visit(page: Page, path: string, name: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Lists and badges arrive after the heading.
  await page.waitForLoadState("networkidle");
  await expectNoClippedLabels(page, `${path} (375 px)`);
  await expectNoHorizontalOverflow(page, `${path} (375 px)`);
  await snapshot(page, `mobile-${name}`);
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
  await expectNoHorizontalOverflow(page, "/marketplace with the filters open (375 px)");
});
