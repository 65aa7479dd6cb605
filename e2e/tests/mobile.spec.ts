import { expect, type Page, test } from "@playwright/test";
import { expectNoClippedLabels } from "../support/layout";
import { DEMO, signIn, snapshot } from "../support/session";

/**
 * Petra on a phone (390 × 844, the size of a current iPhone): the main pages load, their heading is there, and
 * no status or warning badge is cut off.
 */
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function visit(page: Page, path: string, name: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Lists and badges arrive after the heading.
  await page.waitForLoadState("networkidle");
  await expectNoClippedLabels(page, `${path} (390 px)`);
  await snapshot(page, `mobile-${name}`);
}

test("the manager's main pages keep every badge readable on a phone", async ({ page }) => {
  await signIn(page, DEMO.manager);
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
