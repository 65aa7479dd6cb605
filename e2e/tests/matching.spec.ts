import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../support/session";

/**
 * Issue 15: Petra (BGM manager of Muster GmbH) sees the marketplace sorted "Empfohlen" with the reasons on
 * the cards, asks the partner buddy two questions without a model, and requests a quote from an answer.
 */
test("Petra sees recommended offerings with reasons and asks the partner buddy", async ({ page }) => {
  await signIn(page, DEMO.manager);

  await page.goto("/marketplace");
  const sort = page.getByRole("combobox", { name: "Sortierung" });
  await expect(sort).toHaveValue("recommended");
  const cards = page.getByTestId("offering-card");
  await expect(cards.first()).toBeVisible();
  // The goal "Rückenbeschwerden reduzieren" is a reason on Rückenpause's screening.
  await expect(page.getByRole("article", { name: "Rückenscreening" })).toContainText("Passt zu Ihrem Ziel „Rückenbeschwerden reduzieren“");
  await expect(cards.first().getByRole("list", { name: /Warum/ })).toBeVisible();

  // The other sort stays: relevance / title, cards without reasons.
  await sort.selectOption("default");
  await expect(page).toHaveURL(/sort=default/);
  await expect(cards.first().getByRole("list", { name: /Warum/ })).toHaveCount(0);
  await sort.selectOption("recommended");

  // The buddy, from the dashboard.
  await page.goto("/");
  await page.getByTestId("buddy-open").click();
  await expect(page).toHaveURL(/\/marketplace/);
  const panel = page.getByRole("dialog", { name: "Partner-Buddy" });
  await expect(panel).toBeVisible();
  const input = panel.getByRole("textbox", { name: "Ihre Frage" });

  await input.fill("Wer kann uns bei Rückenproblemen im Lager helfen?");
  await panel.getByRole("button", { name: "Fragen", exact: true }).click();
  const first = panel.getByTestId("buddy-turn").nth(0);
  await expect(first.getByTestId("buddy-answer")).toContainText("Rücken");
  await expect(first).toContainText("regelbasiert, ohne KI-Modell");
  // Each card says why: the question's need ("Passt zu Ihrer Frage: Ergonomie hilft bei Rücken …") or the goal it names.
  await expect(first.getByTestId("offering-card").first()).toContainText(/Passt zu (Ihrer Frage: \S+ hilft bei Rücken|Ihrem Ziel „Rücken)/);

  await input.fill("Was passt zu unserem Ziel Krankenstand senken?");
  await panel.getByRole("button", { name: "Fragen", exact: true }).click();
  const second = panel.getByTestId("buddy-turn").nth(1);
  // No offering says "Krankenstand": the synonym table reads it as absence (Fehlzeiten).
  await expect(second.getByTestId("buddy-answer")).toContainText("Zu Fehlzeiten");
  const offer = second.getByTestId("offering-card").first();
  await expect(offer).toContainText("Fehlzeiten");

  // "Angebot anfragen" opens the existing quote request for that offering.
  const title = (await offer.getByRole("heading").textContent()) ?? "";
  await offer.getByRole("button", { name: /Angebot anfragen/ }).click();
  await expect(page.getByRole("dialog", { name: `Angebot anfragen: ${title}` })).toBeVisible();
});

test("the buddy panel fits a 375 px phone", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await signIn(page, DEMO.manager);
  await page.goto("/marketplace?buddy=1");
  const panel = page.getByRole("dialog", { name: "Partner-Buddy" });
  await expect(panel).toBeVisible();
  await panel.getByRole("textbox", { name: "Ihre Frage" }).fill("Online-Kurse gegen Stress?");
  await panel.getByRole("button", { name: "Fragen", exact: true }).click();
  await expect(panel.getByTestId("buddy-turn")).toHaveCount(1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});

test("the buddy keeps Petra's conversation: she reopens it from the history and deletes it", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto("/marketplace?buddy=1");
  const panel = page.getByRole("dialog", { name: "Partner-Buddy" });
  const question = "Gibt es Ernährungsberatung für die Kantine?";
  await panel.getByRole("textbox", { name: "Ihre Frage" }).fill(question);
  await panel.getByRole("button", { name: "Fragen", exact: true }).click();
  await expect(panel.getByTestId("buddy-model")).toHaveText(/Antwort nach Regeln/);

  await panel.getByRole("button", { name: "Neue Unterhaltung" }).click();
  await expect(panel.getByTestId("buddy-turn")).toHaveCount(0);
  await panel.getByTestId("buddy-history-toggle").click();
  const item = panel.getByTestId("buddy-history-item").filter({ hasText: question });
  await item.getByRole("button").first().click();
  await expect(panel.getByTestId("buddy-turn")).toHaveCount(1);
  await expect(panel.getByTestId("buddy-turn")).toContainText(question);

  await panel.getByTestId("buddy-history-toggle").click();
  await panel.getByRole("button", { name: `Unterhaltung „${question}“ löschen` }).click();
  await expect(panel.getByTestId("buddy-history-item").filter({ hasText: question })).toHaveCount(0);
  await expect(panel.getByTestId("buddy-turn")).toHaveCount(0);
});
