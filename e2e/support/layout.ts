import { expect, type Page } from "@playwright/test";

/**
 * Labels that a narrow column cuts off („HOHE SENSIBILIT…“, „In Arb…“): every badge's text must be readable
 * in full. A label whose content is wider than its box (the ellipsis case) is reported with its text.
 */
export async function expectNoClippedLabels(page: Page, where: string): Promise<void> {
  const clipped = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>(".mantine-Badge-label, .mantine-Badge-root"))
      .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent?.trim() ?? ""),
  );
  expect(clipped, `clipped badge labels on ${where}`).toEqual([]);
}
