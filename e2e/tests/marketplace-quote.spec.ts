import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { cancelRunningBookings } from "../support/engagements";
import { DEMO, signIn, snapshot } from "../support/session";
import { readMails } from "../support/smtp-sink";

/**
 * Issue 3 acceptance, as a new user would do it: the manager finds partners in the phase 2 survey
 * task, requests a quote; the partner answers from the inbox; the manager accepts; both sides see
 * the same timeline, were notified in the app, and the e-mails arrived at a real local SMTP server.
 */
async function newSession(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

async function timelineTitles(page: Page): Promise<string[]> {
  const events = page.getByTestId("timeline-event");
  // Intl puts a no-break space before "€"; compare with ordinary spaces.
  return events.evaluateAll((nodes) =>
    nodes.map((n) => (n.querySelector(".mantine-Timeline-itemTitle")?.textContent ?? "").replace(/\s+/g, " ").trim()),
  );
}

async function openBell(page: Page) {
  await page.reload();
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName(/ungelesen/);
  await bell.click();
  return page.getByRole("dialog", { name: "Benachrichtigungen" });
}

test("manager requests a quote from a suggestion, the partner quotes, the manager accepts", async ({ browser }) => {
  const manager = await newSession(browser, DEMO.manager);

  await cancelRunningBookings(manager, "COPSOQ-Analyse");
  // Phase 2 → the survey task → the suggestion widget.
  await manager.goto("/phases/2");
  await expect(manager.getByRole("heading", { level: 2, name: "Partner für Phase 2: Analyse" })).toBeVisible();
  await manager.getByRole("link", { name: "Mitarbeiterbefragung durchführen" }).click();
  await expect(manager).toHaveURL(/\/tasks\/employee_survey$/);
  const widget = manager.getByRole("region", { name: "Partner, die bei „Mitarbeiterbefragung durchführen“ helfen können" });
  await expect(widget).toBeVisible();
  const copsoq = widget.getByRole("article", { name: "COPSOQ-Analyse" });
  const pulse = widget.getByRole("article", { name: "Quick Pulse Survey" });
  await expect(copsoq).toContainText("von SurveyPro GmbH");
  await expect(copsoq).toContainText("§20 SGB V");
  await expect(copsoq).toContainText("Remote");
  await expect(copsoq).toContainText("ab 1.200 €");
  await expect(copsoq).toContainText("Passt zur Aufgabe „Mitarbeiterbefragung durchführen“");
  await expect(pulse).toContainText("von FeedbackNow");
  await expect(pulse).toContainText("ab 800 €");
  await expect(pulse).toContainText("Passt zur Aufgabe „Mitarbeiterbefragung durchführen“");
  await expectNoSeriousA11yViolations(manager, "task with partner suggestions");
  await snapshot(manager, "marketplace-suggestions");

  // "Mehr erfahren" shows the offering; back to the task to request the quote there (linked to it).
  await copsoq.getByRole("link", { name: /Mehr erfahren/ }).click();
  await expect(manager.getByRole("heading", { level: 1, name: "COPSOQ-Analyse" })).toBeVisible();
  // Before asking for a quote: why it fits the company, and who the provider is.
  await expect(manager.getByRole("heading", { level: 2, name: "Warum es zu Ihnen passt" })).toBeVisible();
  await expect(manager.getByRole("heading", { level: 2, name: "Über den Anbieter" })).toBeVisible();
  await expect(manager.getByRole("heading", { level: 2, name: "Weitere Angebote dieses Anbieters" })).toBeVisible();
  await expectNoSeriousA11yViolations(manager, "offering detail");
  await snapshot(manager, "marketplace-offering-detail");
  await manager.goBack();

  await copsoq.getByRole("button", { name: /Angebot anfragen/ }).click();
  const dialog = manager.getByRole("dialog", { name: "Angebot anfragen: COPSOQ-Analyse" });
  await expect(dialog).toContainText("Verknüpft mit der Aufgabe „Mitarbeiterbefragung durchführen“");
  await dialog.getByRole("textbox", { name: "Wann?" }).fill("2. Quartal 2027");
  await dialog.getByRole("textbox", { name: "Wie viele Beschäftigte?" }).fill("120");
  await dialog.getByRole("textbox", { name: "Budget (€)" }).fill("2000");
  await dialog.getByRole("textbox", { name: "Nachricht an den Anbieter" }).fill("Bitte mit Auswertung nach Abteilungen.");
  await expectNoSeriousA11yViolations(manager, "request quote dialog");
  await snapshot(manager, "marketplace-request-quote");
  await dialog.getByRole("button", { name: "Anfrage senden" }).click();

  await expect(manager).toHaveURL(/\/engagements\/[0-9a-f-]{36}$/);
  const engagementUrl = new URL(manager.url()).pathname;
  await expect(manager.getByRole("heading", { level: 1, name: "COPSOQ-Analyse" })).toBeVisible();
  await expect(manager.getByTestId("engagement-status").first()).toHaveText("Angefragt");
  await expect(manager.getByText("Mitarbeiterbefragung durchführen")).toBeVisible();
  // Before a quote, the page says what comes next (issue 14, item 10): asked when and whom, a notification follows;
  // writing to the partner is the main action, withdrawing the request a quiet one (no red „Auftrag stornieren“).
  const waiting = manager.getByTestId("awaiting-quote");
  await expect(waiting.getByRole("heading", { name: "Als Nächstes: das Angebot von SurveyPro GmbH" })).toBeVisible();
  await expect(waiting).toContainText(
    /Angefragt am .+ bei SurveyPro GmbH\. Sie erhalten eine Benachrichtigung, sobald das Angebot vorliegt\./,
  );
  await expect(waiting.getByRole("button", { name: "Anfrage zurückziehen" })).toBeVisible();
  await expect(manager.getByRole("button", { name: "Auftrag stornieren" })).toHaveCount(0);
  await waiting.getByRole("button", { name: "Nachricht an SurveyPro GmbH" }).click();
  await expect(manager.getByTestId("messages-panel").getByRole("textbox", { name: "Nachricht" })).toBeFocused();

  // The dashboard lists it with partner, task and whose turn it is.
  await manager.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Partner-Aufträge" }).click();
  // Other tests may have engagements for the same offering: pick this one by its link.
  const thisEngagement = (page: Page) => page.getByTestId("engagement-row").filter({ has: page.locator(`a[href="${engagementUrl}"]`) });
  const row = thisEngagement(manager);
  await expect(row).toContainText("SurveyPro GmbH");
  await expect(row).toContainText("Mitarbeiterbefragung durchführen");
  await expect(row).toContainText("Angefragt");
  await expect(row).toContainText("Partner");
  await expectNoSeriousA11yViolations(manager, "engagement dashboard");
  await snapshot(manager, "engagements-dashboard");

  // The partner: notified, finds the inquiry in the inbox, sends a quote.
  const partner = await newSession(browser, DEMO.partnerAdmin);
  const partnerBell = await openBell(partner);
  await expect(partnerBell.getByTestId("notification").filter({ hasText: "Neue Angebotsanfrage" }).first()).toBeVisible();
  await expect(partnerBell).toContainText("Muster GmbH");
  await expectNoSeriousA11yViolations(partner, "notification dropdown (partner)");
  await snapshot(partner, "notifications-partner");
  await partner.keyboard.press("Escape");

  await partner.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Anfragen & Aufträge" }).click();
  await expect(partner.getByRole("heading", { level: 1, name: "Anfragen & Aufträge" })).toBeVisible();
  const inquiry = thisEngagement(partner);
  await expect(inquiry).toContainText("Muster GmbH");
  await expect(inquiry).toContainText("Angefragt");
  await expectNoSeriousA11yViolations(partner, "partner inbox");
  await snapshot(partner, "partner-inbox");
  await inquiry.getByRole("link", { name: "COPSOQ-Analyse" }).click();
  await expect(partner).toHaveURL(new RegExp(`${engagementUrl}$`));
  await expect(partner.getByRole("region", { name: "Anfrage" })).toContainText("Bitte mit Auswertung nach Abteilungen.");

  await partner.getByRole("button", { name: "Angebot senden" }).click();
  const quoteDialog = partner.getByRole("dialog", { name: "Angebot senden" });
  await quoteDialog.getByRole("textbox", { name: "Preis (€)" }).fill("1850");
  await quoteDialog
    .getByRole("textbox", { name: "Leistungsumfang" })
    .fill("COPSOQ-Online-Befragung für 120 Beschäftigte, Auswertung nach Abteilungen, Ergebnisworkshop.");
  await expectNoSeriousA11yViolations(partner, "send quote dialog");
  await quoteDialog.getByRole("button", { name: "Angebot senden" }).click();
  await expect(partner.getByText("Angebot gesendet", { exact: true })).toBeVisible();
  await expect(partner.getByTestId("engagement-status").first()).toHaveText("Angebot liegt vor");
  await expect(partner.getByTestId("quote")).toContainText("1.850 €");
  // An open quote is changed, not sent again (issue 14).
  await expect(partner.getByRole("button", { name: "Angebot ändern" })).toBeVisible();
  await expect(partner.getByRole("button", { name: "Angebot senden" })).toHaveCount(0);
  await snapshot(partner, "partner-engagement-quoted");

  // The manager: notified of the quote, accepts it.
  const managerBell = await openBell(manager);
  const quoteNotice = managerBell.getByTestId("notification").filter({ hasText: "Neues Angebot" }).first();
  await expect(quoteNotice).toContainText("SurveyPro GmbH");
  await snapshot(manager, "notifications-manager");
  await quoteNotice.getByRole("button").first().click();
  await expect(manager).toHaveURL(new RegExp(`${engagementUrl}$`));
  await expect(manager.getByTestId("quote")).toContainText("1.850 €");
  await manager.getByRole("button", { name: "Angebot annehmen" }).click();
  const acceptDialog = manager.getByRole("dialog", { name: "Angebot annehmen" });
  // The recap: price, validity, scope and what comes next (issue 14).
  const recap = acceptDialog.getByTestId("accept-recap");
  await expect(recap).toContainText("1.850 €");
  await expect(recap).toContainText("Auswertung nach Abteilungen, Ergebnisworkshop.");
  await expect(recap).toContainText("Als Nächstes: Datenfreigabe");
  await expectNoSeriousA11yViolations(manager, "accept quote dialog");
  await acceptDialog.getByRole("button", { name: "Angebot annehmen" }).click();
  await expect(manager.getByTestId("engagement-status").first()).toHaveText("Angenommen");
  await expect(manager.getByTestId("quote").first()).toHaveAttribute("data-status", "accepted");
  await expectNoSeriousA11yViolations(manager, "engagement detail (manager)");
  await snapshot(manager, "engagement-accepted-manager");

  // Both sides see the same timeline.
  const expected = ["Angebot angefragt", "Angebot gesendet: 1.850 €", "Angebot angenommen"];
  await expect.poll(() => timelineTitles(manager)).toHaveLength(3);
  const managerTimeline = await timelineTitles(manager);
  for (const [i, text] of expected.entries()) expect(managerTimeline[i]).toContain(text);

  const partnerBellAfter = await openBell(partner);
  await expect(partnerBellAfter.getByTestId("notification").filter({ hasText: "Angebot angenommen" }).first()).toBeVisible();
  await partner.keyboard.press("Escape");
  await expect(partner.getByTestId("engagement-status").first()).toHaveText("Angenommen");
  await expect(partner.getByRole("button", { name: "Auftrag beginnen" })).toBeVisible();
  expect(await timelineTitles(partner)).toEqual(managerTimeline);
  await expectNoSeriousA11yViolations(partner, "engagement detail (partner)");
  await snapshot(partner, "engagement-accepted-partner");

  // The e-mails arrived over SMTP: the inquiry to the partner, the quote to the manager, the acceptance to the partner.
  const engagementId = engagementUrl.split("/").pop() ?? "";
  const mails = () => readMails(process.env.E2E_MAIL_LOG ?? "").filter((m) => m.text.includes(`/engagements/${engagementId}`));
  await expect.poll(() => mails().filter((m) => m.to.includes(DEMO.partnerAdmin)).length).toBeGreaterThanOrEqual(2);
  await expect.poll(() => mails().filter((m) => m.to.includes(DEMO.manager)).length).toBeGreaterThanOrEqual(1);
  for (const m of mails()) expect(m.subject).toContain("COPSOQ-Analyse");

  // Mark all read empties the count.
  await partner.getByTestId("notification-bell").click();
  await partner.getByRole("button", { name: "Alle als gelesen markieren" }).click();
  await expect(partner.getByTestId("notification-bell")).toHaveAccessibleName("Benachrichtigungen");
});

test("marketplace search, filters and the partner's own pages", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Marktplatz" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Marktplatz" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Suche" }).fill("Rücken");
  await expect(page.getByRole("article", { name: "Rückenfit-Kurs (8 Wochen)" })).toBeVisible();
  await page.getByRole("combobox", { name: "Zertifizierung" }).selectOption("§20 SGB V");
  await expect(page.getByRole("article", { name: "Rückenfit-Kurs (8 Wochen)" })).toContainText("ab 120 € pro Person");
  await expect(page.getByRole("article", { name: "Rückenscreening" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "marketplace");
  await snapshot(page, "marketplace");
  await page.context().close();
});

test("partner manages offerings and profile", async ({ page }) => {
  await signIn(page, DEMO.partnerAdmin);
  await expect(page.getByRole("link", { name: "Ihre Angebote im Marktplatz verwalten" })).toBeVisible();
  await page.getByRole("link", { name: "Ihre Angebote im Marktplatz verwalten" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Meine Angebote" })).toBeVisible();
  await expect(page.getByTestId("own-offering").filter({ hasText: "COPSOQ-Analyse" })).toContainText("Veröffentlicht");
  await expectNoSeriousA11yViolations(page, "partner offerings");
  await snapshot(page, "partner-offerings");
  await page.getByRole("button", { name: "Neues Angebot" }).click();
  const dialog = page.getByRole("dialog", { name: "Neues Angebot" });
  await dialog.getByRole("textbox", { name: "Titel" }).fill("Stressbewältigung im Team");
  // Saving without a price says so at the field instead of a silently disabled button.
  await dialog.getByRole("button", { name: "Speichern" }).click();
  await expect(dialog.getByText("Bitte einen Preis angeben (0 für kostenfrei).")).toBeVisible();
  await dialog.getByRole("textbox", { name: "Preis ab (€)" }).fill("900");
  await expect(dialog.getByText("Bitte einen Preis angeben (0 für kostenfrei).")).toBeHidden();
  await expectNoSeriousA11yViolations(page, "offering form");
  await snapshot(page, "partner-offering-form");
  await dialog.getByRole("button", { name: "Speichern" }).click();
  const created = page.getByTestId("own-offering").filter({ hasText: "Stressbewältigung im Team" });
  await expect(created).toContainText("Entwurf");
  await created.getByRole("button", { name: /veröffentlichen/ }).click();
  await expect(created).toContainText("Veröffentlicht");

  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Anbieterprofil" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Anbieterprofil" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "partner profile");
  await snapshot(page, "partner-profile");
});
