import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../support/session";

/** Issue 14, item 10: a typo in the marketplace search („Rückn“) offers the catalogue's spelling instead of nothing. */
test("a typo in the marketplace search offers „Meinten Sie …?“, and one click finds the offerings", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto(`/marketplace?q=${encodeURIComponent("Rückn")}`);
  await expect(page.getByTestId("offerings-total")).toHaveText("Gefundene Angebote: 0");
  const suggestion = page.getByTestId("did-you-mean");
  await expect(suggestion).toHaveText(/^Meinten Sie „rücken/);
  await suggestion.click();
  await expect(page.getByTestId("offerings-total")).not.toHaveText("Gefundene Angebote: 0");
  await expect(page.getByRole("heading", { name: /^Rücken/ }).first()).toBeVisible();
  await expect(page.getByTestId("did-you-mean")).toHaveCount(0);
  await expect(page).toHaveURL(/q=r%C3%BCcken|q=rücken/);
});
