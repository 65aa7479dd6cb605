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

/**
 * Nothing sticks out to the right of a phone's viewport (issue 14, item 9: tables 955 px wide, long buttons
 * cut): the page never scrolls sideways, and every visible element ends inside the viewport unless a scroll
 * container (a wide table's) or a clipping box holds it. Reports the outermost offenders with a hint of what
 * they are.
 */
export async function expectNoHorizontalOverflow(page: Page, where: string): Promise<void> {
  const offenders = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipsX = (el: Element) => {
      const overflowX = getComputedStyle(el).overflowX;
      return overflowX !== "visible";
    };
    const found: string[] = [];
    const reported = new Set<Element>();
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      if (!(el instanceof HTMLElement) && !(el instanceof SVGElement)) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || rect.right <= width + 1) continue;
      let clipped = false;
      let outer = false;
      for (let parent = el.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (reported.has(parent)) outer = true;
        if (clipsX(parent)) clipped = true;
      }
      if (clipped || outer || getComputedStyle(el).visibility === "hidden") continue;
      reported.add(el);
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.getAttribute("class") ?? "")
        .split(" ")
        .slice(0, 2)
        .join(".")}`;
      found.push(`${name} right=${Math.round(rect.right)} "${(el.textContent ?? "").trim().slice(0, 40)}"`);
    }
    if (document.documentElement.scrollWidth > width + 1)
      found.unshift(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    return found;
  });
  expect(offenders, `elements wider than the viewport on ${where}`).toEqual([]);
}
