import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { cancelRunningBookings } from "../support/engagements";
import { DEMO, signIn, snapshot } from "../support/session";

/**
 * Partner results, the COPSOQ path as the issue describes it: the manager engages SurveyPro for its
 * COPSOQ analysis, SurveyPro uploads the analysis as JSON through the partner portal, the manager
 * accepts it, and it lands: phase 2 "Analyse" with the chart, the survey task done with the result as
 * evidence, the psychological risk assessment's first two steps documented.
 */
const EXAMPLE = fileURLToPath(new URL("../../docs/partner-api/examples/copsoq_analysis.json", import.meta.url));
// Next to snapshot()'s full-page screenshots (e2e/support/session.ts).
const CHART_SCREENSHOT = fileURLToPath(new URL("../artifacts/pages/copsoq-analysis-chart.png", import.meta.url));

async function newSession(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** Opens the engagement from the side's list (dashboard or inbox); other tests may have engagements for the same offering. */
async function openFromList(page: Page, navLink: string, engagementUrl: string) {
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: navLink }).click();
  const row = page.getByTestId("engagement-row").filter({ has: page.locator(`a[href="${engagementUrl}"]`) });
  await expect(row).toBeVisible();
  return row;
}

/** The upload dialog's "JSON-Datei laden" opens the browser's file chooser; the partner picks a file. */
async function loadJsonFile(page: Page, dialog: ReturnType<Page["getByRole"]>, path: string) {
  const chooser = page.waitForEvent("filechooser");
  await dialog.getByRole("button", { name: "JSON-Datei laden" }).click();
  await (await chooser).setFiles(path);
}

test("SurveyPro delivers a COPSOQ analysis as JSON, the manager accepts it, and it lands in phase 2 and the GBU", async ({
  browser,
}, testInfo) => {
  const pageErrors: string[] = [];
  // 1. The manager requests a quote for SurveyPro's COPSOQ analysis from the survey task.
  const manager = await newSession(browser, DEMO.manager);
  manager.on("pageerror", (e) => pageErrors.push(`manager: ${e.message}`));
  await cancelRunningBookings(manager, "COPSOQ-Analyse");
  await manager.goto("/tasks/employee_survey");
  const widget = manager.getByRole("region", { name: "Partner, die bei „Mitarbeiterbefragung durchführen“ helfen können" });
  await widget
    .getByRole("article", { name: "COPSOQ-Analyse" })
    .getByRole("button", { name: /Angebot anfragen/ })
    .click();
  const request = manager.getByRole("dialog", { name: "Angebot anfragen: COPSOQ-Analyse" });
  await request.getByRole("textbox", { name: "Wie viele Beschäftigte?" }).fill("120");
  await request.getByRole("textbox", { name: "Nachricht an den Anbieter" }).fill("Bitte die Auswertung als JSON in den BGM Hub liefern.");
  await request.getByRole("button", { name: "Anfrage senden" }).click();
  await expect(manager).toHaveURL(/\/engagements\/[0-9a-f-]{36}$/);
  const engagementUrl = new URL(manager.url()).pathname;
  await expect(manager.getByTestId("engagement-status").first()).toHaveText("Angefragt");

  // The partner quotes from the inbox.
  const partner = await newSession(browser, DEMO.partnerAdmin);
  partner.on("pageerror", (e) => pageErrors.push(`partner: ${e.message}`));
  const inquiry = await openFromList(partner, "Anfragen & Aufträge", engagementUrl);
  await inquiry.getByRole("link", { name: "COPSOQ-Analyse" }).click();
  await expect(partner).toHaveURL(new RegExp(`${engagementUrl}$`));
  await partner.getByRole("button", { name: "Angebot senden" }).click();
  const quoteDialog = partner.getByRole("dialog", { name: "Angebot senden" });
  await quoteDialog.getByRole("textbox", { name: "Preis (€)" }).fill("1850");
  await quoteDialog
    .getByRole("textbox", { name: "Leistungsumfang" })
    .fill("COPSOQ-Befragung, Auswertung nach Abteilungen, Lieferung als JSON.");
  await quoteDialog.getByRole("button", { name: "Angebot senden" }).click();
  await expect(partner.getByTestId("engagement-status").first()).toHaveText("Angebot liegt vor");

  // The manager accepts the quote.
  await manager.reload();
  await manager.getByRole("button", { name: "Angebot annehmen" }).click();
  await manager.getByRole("dialog", { name: "Angebot annehmen" }).getByRole("button", { name: "Angebot annehmen" }).click();
  await expect(manager.getByTestId("engagement-status").first()).toHaveText("Angenommen");

  // The partner starts the engagement; only now can results be uploaded.
  await partner.reload();
  const partnerResults = partner.getByRole("region", { name: "Ergebnisse" });
  await expect(partnerResults).toContainText("Ergebnisse können hochgeladen werden, solange der Auftrag in Arbeit ist.");
  await expect(partnerResults.getByRole("button", { name: "Ergebnis hochladen" })).toHaveCount(0);
  await partner.getByRole("button", { name: "Auftrag beginnen" }).click();
  await partner.getByRole("dialog", { name: "Auftrag beginnen" }).getByRole("button", { name: "Auftrag beginnen" }).click();
  await expect(partner.getByTestId("engagement-status").first()).toHaveText("In Arbeit");
  await expect(partnerResults).toContainText("Sie haben für diesen Auftrag noch keine Ergebnisse hochgeladen.");

  // 2. The partner uploads. First a file with a group below the minimum size: refused, naming the group.
  await partnerResults.getByRole("button", { name: "Ergebnis hochladen" }).click();
  const upload = partner.getByRole("dialog", { name: "Ergebnis hochladen" });
  // The offering declares one output type, so the dialog has already chosen it.
  await expect(upload.getByRole("combobox", { name: "Ergebnisart" })).toHaveValue("COPSOQ-Auswertung");
  const tooSmall = JSON.parse(readFileSync(EXAMPLE, "utf8")) as { groups: { name: string; n: number; scales: unknown[] }[] };
  tooSmall.groups.push({ name: "Lager", n: 2, scales: [] });
  const tooSmallPath = testInfo.outputPath("copsoq-gruppe-zu-klein.json");
  writeFileSync(tooSmallPath, JSON.stringify(tooSmall, null, 2));
  await loadJsonFile(partner, upload, tooSmallPath);
  await expect(partner.getByText("„copsoq-gruppe-zu-klein.json“ geladen")).toBeVisible();
  // Checked in the JSON view: in the form view a failed check currently throws in rjsf's focusOnFirstError
  // (the form is rendered as a <div>, which has no `elements`), so no message would appear there.
  await upload
    .locator("label")
    .filter({ hasText: /^JSON$/ })
    .click();
  await expect(upload.getByRole("textbox", { name: "Inhalt als JSON" })).toHaveValue(/"Lager"/);
  await upload.getByRole("button", { name: "Hochladen" }).click();
  await expect(upload.getByRole("alert").filter({ hasText: "Bitte prüfen Sie die markierten Felder." })).toBeVisible();
  // The field by its labels and the entry by its name, not a JSON path.
  await expect(upload).toContainText(
    "Gruppen › Lager › Anzahl gültiger Antworten (n): Die Gruppe „Lager“ hat n = 2; die Mindestgruppengröße ist 5.",
  );
  await expect(upload).not.toContainText(".groups.2.n");
  await snapshot(partner, "result-upload-group-too-small");

  // Then SurveyPro's real export, shown in the form.
  await loadJsonFile(partner, upload, EXAMPLE);
  await expect(partner.getByText("„copsoq_analysis.json“ geladen")).toBeVisible();
  await expect(upload).not.toContainText("Die Gruppe „Lager“");
  await upload
    .locator("label")
    .filter({ hasText: /^Formular$/ })
    .click();
  await expect(upload.getByRole("textbox", { name: "Fragebogen-Version" })).toHaveValue("COPSOQ III (Standardversion 2021)");
  await upload.getByRole("textbox", { name: "Notiz an das Unternehmen (optional)" }).fill("Auswertung der Befragung im Oktober.");
  await expectNoSeriousA11yViolations(partner, "result upload dialog");
  await snapshot(partner, "result-upload-dialog");
  await upload.getByRole("button", { name: "Hochladen" }).click();
  await expect(partner.getByText("Ergebnis hochgeladen", { exact: true })).toBeVisible();
  await expect(upload).toBeHidden();

  // Version 1: the refused file stored nothing.
  const partnerVersions = partnerResults.getByTestId("result-version");
  await expect(partnerVersions).toHaveCount(1);
  const uploaded = partnerVersions.first();
  await expect(uploaded.getByRole("heading", { name: "Version 1" })).toBeVisible();
  await expect(uploaded).toContainText("Eingereicht");
  await expect(uploaded).toContainText("Eingereicht von Marcus Berger");
  await expect(uploaded).toContainText("COPSOQ III (Standardversion 2021)");
  await expect(uploaded).toContainText("Landet in: Phase 2: Analyse");
  await snapshot(partner, "result-submitted-partner");

  // 3. The manager is notified, sees the delivery on the engagement dashboard and accepts it on the engagement page.
  // (Reloading also drops the results list the app cached when she accepted the quote: it stays "fresh" for 15 s.)
  await manager.reload();
  const bell = manager.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName(/ungelesen/);
  await bell.click();
  const notice = manager
    .getByRole("dialog", { name: "Benachrichtigungen" })
    .getByTestId("notification")
    .filter({ hasText: "Neues Ergebnis" });
  await expect(notice.first()).toContainText("SurveyPro GmbH hat „COPSOQ-Auswertung“ (Version 1) zu „COPSOQ-Analyse“ geliefert.");
  await manager.keyboard.press("Escape");
  const row = await openFromList(manager, "Partner-Aufträge", engagementUrl);
  await expect(row).toContainText("In Arbeit");
  await expect(row).toContainText("1 Ergebnis zu prüfen");
  await row.getByRole("link", { name: "COPSOQ-Analyse" }).click();
  await expect(manager).toHaveURL(new RegExp(`${engagementUrl}$`));
  const managerResults = manager.getByRole("region", { name: "Ergebnisse" });
  const delivered = managerResults.getByTestId("result-version");
  await expect(delivered).toHaveCount(1);
  await expect(delivered).toContainText("Eingereicht von Marcus Berger");
  await expect(delivered).toContainText("Auswertung der Befragung im Oktober.");
  await expect(delivered).toContainText("Wird am");
  await delivered.getByRole("button", { name: "Annehmen: COPSOQ-Auswertung, Version 1" }).click();
  // Accepting asks first, naming where the result lands and what it ticks off.
  const confirm = manager.getByRole("dialog", { name: "COPSOQ-Auswertung, Version 1 annehmen?" });
  await expect(confirm).toContainText("Das Ergebnis landet in „Phase 2: Analyse“.");
  await expect(confirm).toContainText("„Mitarbeiterbefragung durchführen“ wird als erledigt markiert");
  await confirm.getByRole("button", { name: "Annehmen", exact: true }).click();
  await expect(manager.getByText("Ergebnis angenommen", { exact: true })).toBeVisible();
  await expect(delivered).toContainText("Angenommen");
  await expect(delivered).toContainText("Entschieden von Petra Schneider");
  await expect(manager.getByTestId("timeline-event").filter({ hasText: "Ergebnis angenommen: COPSOQ-Auswertung (Version 1)" })).toHaveCount(
    1,
  );
  await expectNoSeriousA11yViolations(manager, "engagement detail with results (manager)");
  await snapshot(manager, "result-accepted-manager");

  // 4. It landed in phase 2 "Analyse": summary with its source, chart, scale table with the markers.
  await delivered.getByRole("link", { name: "Zu „Phase 2: Analyse“" }).click();
  await expect(manager).toHaveURL(/\/phases\/2$/);
  const analysis = manager.getByRole("region", { name: "Analyse", exact: true });
  await expect(analysis.getByRole("heading", { level: 3, name: "Aktuelle Befragungsauswertung" })).toBeVisible();
  const source = analysis.getByTestId("result-source").first();
  await expect(source).toContainText("Quelle: SurveyPro GmbH · COPSOQ-Auswertung v1 · angenommen am");
  await expect(source.getByRole("link", { name: "Auftrag „COPSOQ-Analyse“" })).toHaveAttribute("href", engagementUrl);
  await expect(analysis).toContainText("120 / 84 (Rücklauf 70 %)");

  const chart = manager.getByTestId("copsoq-chart");
  await expect(chart).toHaveAccessibleName(/Balkendiagramm der Mittelwerte \(0–100\) von 5 Skalen/);
  // Five scales, three bars each, once recharts has drawn them.
  await expect(chart.locator(".recharts-bar-rectangle")).toHaveCount(15);
  await expect(chart).toContainText("Ihr Unternehmen");
  await expect(chart).toContainText("Berufsgruppe: Büroberufe");

  const scales = manager.getByTestId("copsoq-scales");
  await expect(scales.getByRole("row")).toHaveCount(6);
  const scaleRow = (name: string) => scales.getByRole("row").filter({ has: manager.getByRole("rowheader", { name, exact: true }) });
  const markers = (name: string) => scaleRow(name).locator("[data-comparison]");
  await expect(markers("Work-Privacy-Konflikt")).toHaveText(["− schlechter", "− schlechter"]);
  await expect(markers("Einfluss bei der Arbeit")).toHaveText(["+ besser", "= kein Unterschied"]);
  await expect(markers("Soziale Unterstützung durch Kolleg:innen")).toHaveText(["= kein Unterschied", "+ besser"]);
  await expect(scaleRow("Burnout-Symptome")).toContainText("44,9");
  await expect(manager.getByTestId("copsoq-groups")).toContainText("Verwaltung und Vertrieb");
  await expect(manager.getByTestId("copsoq-groups")).not.toContainText("Lager");

  // Let the bars' entry animation finish before the picture is taken.
  await manager.waitForTimeout(1000);
  await chart.screenshot({ path: CHART_SCREENSHOT, animations: "disabled" });
  await snapshot(manager, "phase-2-copsoq-analysis");

  // The survey task is done, with the result as its evidence.
  const surveyRow = manager.getByTestId("task-row-employee_survey");
  await expect(surveyRow).toContainText("Erledigt");
  await surveyRow.getByRole("link", { name: "Mitarbeiterbefragung durchführen" }).click();
  await expect(manager).toHaveURL(/\/tasks\/employee_survey$/);
  const taskResults = manager.getByTestId("task-results");
  await expect(taskResults).toContainText("Erledigt durch Ergebnis „COPSOQ-Auswertung v1“");
  await expect(taskResults.getByTestId("result-source")).toContainText("SurveyPro GmbH");
  await expect(manager.getByRole("combobox", { name: "Status", exact: true })).toHaveValue("done");
  await snapshot(manager, "task-employee-survey-with-result");

  // The psychological risk assessment: "ermitteln" and "beurteilen" documented by the result, the rest still open.
  await manager.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Rechtliche Anforderungen" }).click();
  await manager.getByRole("link", { name: "Gefährdungsbeurteilung (psychische Belastung)" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: "Gefährdungsbeurteilung (psychische Belastung)" })).toBeVisible();
  for (const [key, name, number] of [
    ["identify_hazards", "Gefährdungen ermitteln", 2],
    ["assess_hazards", "Gefährdungen beurteilen", 3],
  ] as const) {
    // The steps are an accordion, one open at a time (issue 14).
    await manager.getByRole("button", { name: `${number}. ${name}` }).click();
    const step = manager.getByTestId(`step-${key}`);
    await expect(step.getByRole("checkbox", { name: `Schritt „${name}“ erledigt` })).toBeChecked();
    const evidence = manager.getByTestId(`step-${key}-results`);
    await expect(evidence).toContainText("Aus Partner-Ergebnis: COPSOQ-Auswertung v1");
    await expect(evidence.getByTestId("result-source")).toContainText("SurveyPro GmbH");
  }
  await manager.getByRole("button", { name: "4. Maßnahmen festlegen" }).click();
  await expect(
    manager.getByTestId("step-define_measures").getByRole("checkbox", { name: "Schritt „Maßnahmen festlegen“ erledigt" }),
  ).not.toBeChecked();
  await snapshot(manager, "legal-psychological-with-result");

  // The partner hears that it was accepted and sees the same state.
  await partner.reload();
  await expect(partnerResults.getByTestId("result-version").first()).toContainText("Angenommen");
  await expect(partnerResults.getByRole("button", { name: /Annehmen/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(partner, "engagement detail with results (partner)");
  expect(pageErrors, "uncaught errors in the pages").toEqual([]);

  // 5. Phase 2 with the chart, checked last so that a finding there does not hide the checks above.
  // "Phasen" opens the current phase, which is phase 2 in the demo.
  await manager.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Phasen" }).click();
  await expect(manager).toHaveURL(/\/phases\/2$/);
  await expect(chart.locator(".recharts-bar-rectangle")).toHaveCount(15);
  await expectNoSeriousA11yViolations(manager, "phase 2 with the COPSOQ analysis");
});

test("the demo world shows ErgoProfi's assessment in the physical GBU and Upfit's attendance as a KPI card", async ({ page }) => {
  await signIn(page, DEMO.manager);
  // Dashboard: the KPI card from Upfit's two accepted periods, with its trend and sources.
  const card = page.locator('[data-testid^="kpi-participation:"]');
  await expect(card).toHaveCount(1);
  await expect(card.getByRole("heading", { name: "Teilnahmequote: Ernährungscoaching" })).toBeVisible();
  await expect(card).toContainText("85");
  await expect(card.getByTestId("kpi-trend")).toHaveAccessibleName(/01\.09\.2026 – 31\.10\.2026: 75 %, 01\.11\.2026 – 30\.11\.2026: 85 %/);
  await expect(card.getByTestId("kpi-sources").getByTestId("result-source")).toHaveCount(2);
  await expect(card.getByTestId("kpi-sources")).toContainText("Upfit");
  await snapshot(page, "dashboard-participation-kpi");

  // The physical-strain GBU is done, every step documented by ErgoProfi's result.
  await page.goto("/legal/gbu_physical");
  await expect(page.getByRole("heading", { level: 1, name: "Gefährdungsbeurteilung (physische Belastung)" })).toBeVisible();
  await expect(page.getByTestId("legal-missing")).toContainText("Vollständig dokumentiert – nichts fehlt.");
  await expect(page.getByTestId("step-implement_measures-results").getByTestId("result-source")).toContainText("ErgoProfi");
  await expect(page.getByRole("cell", { name: /^Hebehilfe an Montagelinie 2 installieren/ })).toContainText("ErgoProfi");
  await snapshot(page, "legal-physical-from-result");
});
