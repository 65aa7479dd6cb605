import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { DEMO, signIn } from "../support/session";

/**
 * Issue 15, 5.5: on a fresh demo the matching ran on its own after the seed's goals and results; Petra finds one
 * notification "… Partner passen zu Ihren neuen Schwerpunkten" in the bell, opens the panel, sees the reasons,
 * hides a suggestion and turns the weekly e-mail on and off again.
 */
test("Petra opens the proactive partner suggestions from the bell, hides one and sets the weekly e-mail", async ({ page }) => {
  await signIn(page, DEMO.manager);
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName(/ungelesen/);
  await bell.click();
  const notice = page
    .getByRole("dialog", { name: "Benachrichtigungen" })
    .getByTestId("notification")
    .filter({ hasText: /Partner passen zu Ihren neuen Schwerpunkten/ })
    .first();
  await expect(notice).toContainText("Resilienztraining für Teams (MindBalance Coaching)");
  await notice.getByRole("button").first().click();

  await expect(page).toHaveURL(/\/partner-suggestions$/);
  await expect(page.getByRole("heading", { level: 1, name: "Neue Partnervorschläge" })).toBeVisible();
  const card = page.getByRole("article", { name: "Resilienztraining für Teams" });
  await expect(card).toContainText("Passt zu Ihrem Ziel „Krankheitstage senken“");
  await expect(card.getByRole("button", { name: "Angebot anfragen für „Resilienztraining für Teams“" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "proactive suggestions");

  await card.getByRole("button", { name: "„Resilienztraining für Teams“ ausblenden" }).click();
  await expect(card).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("article", { name: "Resilienztraining für Teams" })).toHaveCount(0);

  const digest = page.getByRole("switch", { name: "Wöchentliche E-Mail mit neuen Partnervorschlägen" });
  await expect(digest).not.toBeChecked();
  await digest.click({ force: true });
  await expect(digest).toBeChecked();
  await page.reload();
  await expect(page.getByRole("switch", { name: "Wöchentliche E-Mail mit neuen Partnervorschlägen" })).toBeChecked();
  await page.getByRole("switch", { name: "Wöchentliche E-Mail mit neuen Partnervorschlägen" }).click({ force: true });
  await expect(page.getByRole("switch", { name: "Wöchentliche E-Mail mit neuen Partnervorschlägen" })).not.toBeChecked();
});
