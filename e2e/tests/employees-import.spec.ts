import { fileURLToPath } from "node:url";
import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { DEMO, signIn, snapshot } from "../support/session";

const goodCsv = fileURLToPath(new URL("../fixtures/beschaeftigte-import.csv", import.meta.url));
const badCsv = fileURLToPath(new URL("../fixtures/beschaeftigte-fehlerhaft.csv", import.meta.url));

async function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByRole("button", { name: "CSV/Excel importieren" }).click();
  const dialog = page.getByRole("dialog", { name: "Beschäftigte aus CSV oder Excel importieren" });
  await expect(dialog).toBeVisible();
  await dialog.locator('input[type="file"]').setInputFiles(file);
  await dialog.getByRole("button", { name: "Importieren" }).click();
  return dialog;
}

async function filterDepartment(page: Page, department: string) {
  const select = page.getByRole("combobox", { name: "Abteilung" });
  const option = select.locator("option", { hasText: department });
  await select.selectOption({ label: (await option.textContent()) ?? department });
}

test("imports employees from German Excel CSVs (UTF-8 and Windows-1252) and rejects a file with a bad row, in German", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Beschäftigte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Beschäftigte" })).toBeVisible();
  // The demo register has 120 people; other specs sharing this server may have added someone (the
  // company-link story adds Lina), so the import is checked against the count found here.
  const total = page.getByTestId("employees-total");
  await expect(total).toHaveText(/^\d+ Beschäftigte gefunden$/);
  const before = Number.parseInt((await total.textContent()) ?? "", 10);
  expect(before).toBeGreaterThanOrEqual(120);
  await expectNoSeriousA11yViolations(page, "employees");
  await snapshot(page, "employees");

  const dialog = await importFile(page, goodCsv);
  await expect(dialog.getByTestId("csv-import-success")).toContainText("3 neu");
  await expectNoSeriousA11yViolations(page, "employees import dialog (success)");
  await dialog.getByRole("button", { name: "Schließen" }).first().click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId("employees-total")).toHaveText(`${before + 3} Beschäftigte gefunden`);
  await filterDepartment(page, "Qualitätssicherung");
  await expect(page.getByTestId("employees-total")).toHaveText("2 Beschäftigte gefunden");
  await expect(page.getByRole("cell", { name: "Größmann", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Jürgen", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Weiß", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "München", exact: true })).toBeVisible();
  await filterDepartment(page, "Einkauf");
  await expect(page.getByTestId("employees-total")).toHaveText("1 Beschäftigte gefunden");
  await expect(page.getByRole("cell", { name: "Çelik-Schäfer", exact: true })).toBeVisible();
  await snapshot(page, "employees-imported");

  const second = await importFile(page, badCsv);
  await expect(second.getByText("Die Datei enthält Fehler – es wurde nichts importiert.")).toBeVisible();
  const errors = second.getByTestId("csv-errors");
  await expect(errors).toBeVisible();
  // Header is line 1, so Brigitte's row with the broken address is line 3.
  await expect(errors.getByRole("row")).toHaveCount(2);
  await expect(errors.getByRole("cell", { name: "3", exact: true })).toBeVisible();
  // The problem in the UI language, the column by its name: no API codes or English.
  await expect(errors.getByRole("cell", { name: "E-Mail", exact: true })).toBeVisible();
  await expect(errors.getByRole("cell", { name: "Keine gültige E-Mail-Adresse.", exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "employees import dialog (errors)");
  await snapshot(page, "employees-import-errors");
  await second.getByRole("button", { name: "Schließen" }).first().click();

  // Nothing from the bad file was imported, not even its valid rows.
  await expect(page.getByTestId("employees-total")).toHaveText("1 Beschäftigte gefunden");
  await expect(page.getByRole("cell", { name: "Kühn", exact: true })).toHaveCount(0);
  await filterDepartment(page, "Alle Abteilungen");
  await expect(page.getByTestId("employees-total")).toHaveText(`${before + 3} Beschäftigte gefunden`);

  // Excel's default "CSV (Trennzeichen-getrennt)" is Windows-1252: imported with exact umlauts.
  // (ä, ö, ü, ß have the same single byte in Latin-1 and Windows-1252.)
  const cp1252 = Buffer.from("Vorname;Nachname;E-Mail;Abteilung\r\nJörg;Bäßler;joerg.baessler@muster-gmbh.de;Fertigung Süd\r\n", "latin1");
  const third = await importFile(page, { name: "excel-export.csv", mimeType: "text/csv", buffer: cp1252 });
  await expect(third.getByTestId("csv-import-success")).toContainText("1 neu");
  await third.getByRole("button", { name: "Schließen" }).first().click();
  await filterDepartment(page, "Fertigung Süd");
  await expect(page.getByRole("cell", { name: "Bäßler", exact: true })).toBeVisible();
});
