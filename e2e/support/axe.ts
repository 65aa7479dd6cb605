import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Moderate findings that still fail: a second banner or main landmark (every Mantine dialog once added a
 * <header>, issue 14) leaves screen-reader users with two "banner" regions to choose from.
 */
const ALSO_BLOCKING = new Set([
  "landmark-no-duplicate-banner",
  "landmark-no-duplicate-main",
  "landmark-no-duplicate-contentinfo",
  "landmark-unique",
]);

/**
 * Runs axe-core on the current page and fails on serious or critical violations (and on duplicate landmarks); lesser findings are
 * printed so they stay visible without blocking.
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  // Let entry transitions (modals, notifications) finish so colours are measured at their final value.
  await page.waitForTimeout(300);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical" || ALSO_BLOCKING.has(v.id));
  const minor = results.violations.filter((v) => !blocking.includes(v));
  if (minor.length > 0) {
    console.log(`[axe] ${label}: minor findings: ${minor.map((v) => `${v.id} (${v.impact})`).join(", ")}`);
  }
  const summary = blocking.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
  expect(summary, `axe violations on ${label}`).toEqual([]);
}
