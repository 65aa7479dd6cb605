import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expectNoClippedLabels } from "../support/layout";
import { DEMO, signIn, snapshot } from "../support/session";

/**
 * Issue 4 acceptance: the manager accepts SurveyPro's quote, grants employee e-mails and goals in the
 * "Data Access Request" dialog; the partner downloads the list (CSV and JSON) with its API key; the
 * manager revokes; the partner's next call is 403; the access log shows both calls and the denial.
 * The quote itself is set up through the API (the UI path is covered by marketplace-quote.spec.ts).
 */
const WRITE = { "x-requested-with": "bgm-hub" };

async function session(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

async function json<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as T;
}

test("manager grants data access, the partner fetches it with an API key, the manager revokes", async ({ browser, playwright }) => {
  const manager = await session(browser, DEMO.manager);
  const partner = await session(browser, DEMO.partnerAdmin);

  const offerings = await json<{ items: { id: string; title: string }[] }>(
    await manager.request.get("/api/marketplace/offerings?q=COPSOQ"),
  );
  const copsoq = offerings.items.find((o) => o.title === "COPSOQ-Analyse");
  expect(copsoq).toBeTruthy();
  const engagement = await json<{ id: string }>(
    await manager.request.post("/api/engagements", {
      headers: WRITE,
      data: { offeringId: copsoq?.id, taskKey: "employee_survey", brief: { what: "COPSOQ-Befragung für alle Abteilungen" } },
    }),
  );
  await json(
    await partner.request.post(`/api/engagements/${engagement.id}/quotes`, {
      headers: WRITE,
      data: { priceCents: 150000, scopeOfWork: "Befragung und Auswertung", validUntil: "2099-12-31" },
    }),
  );

  // The manager accepts in the UI and opens the data access request.
  await manager.goto(`/engagements/${engagement.id}`);
  await manager.getByRole("button", { name: "Angebot annehmen" }).click();
  const confirm = manager.getByRole("dialog", { name: "Angebot annehmen" });
  // Before confirming, the recap names the data SurveyPro will ask for next (issue 14).
  await expect(confirm.getByTestId("accept-recap")).toContainText("Als Nächstes: Datenfreigabe");
  await expect(confirm.getByTestId("accept-recap")).toContainText("BGM-Ziele");
  await confirm.getByRole("button", { name: "Angebot annehmen" }).click();
  await expect(manager.getByTestId("engagement-status").first()).toHaveText("Angenommen");
  await manager.getByRole("button", { name: "Datenzugriff verwalten" }).click();
  const dialog = manager.getByRole("dialog", { name: "Datenzugriff" });
  await expect(dialog.getByText("SurveyPro GmbH möchte Zugriff auf:")).toBeVisible();
  await expect(dialog.getByText("120 Beschäftigte erhalten den Link zur Befragung")).toBeVisible();
  await expect(dialog.getByText("Ihre 3 definierten Gesundheitsziele werden geteilt")).toBeVisible();
  await dialog.getByRole("checkbox", { name: "Namen und E-Mail-Adressen der Beschäftigten", exact: true }).check();
  await dialog.getByRole("checkbox", { name: "BGM-Ziele", exact: true }).check();
  const structure = dialog.getByRole("checkbox", { name: "Abteilungsstruktur", exact: true });
  if (await structure.isChecked()) await structure.uncheck();
  await dialog.getByRole("checkbox", { name: /Ich bestätige ausdrücklich/ }).check();
  await expectNoSeriousA11yViolations(manager, "data access request dialog");
  // The most important warning of the dialog („HOHE SENSIBILITÄT“) reads in full (issue 14, item 1).
  await expectNoClippedLabels(manager, "data access request dialog");
  await snapshot(manager, "data-access-request");
  await dialog.getByRole("button", { name: "Zugriff gewähren" }).click();
  // Both scopes now show their live grant in the dialog; the department structure stays declined.
  await expect(dialog.getByText(/Bereits freigegeben bis/)).toHaveCount(2);
  await manager.keyboard.press("Escape");

  // The partner creates an API key and fetches the list as a machine would: no cookie, only the key.
  const created = await json<{ key: string }>(
    await partner.request.post("/api/provider/api-keys", { headers: WRITE, data: { name: "Befragungstool" } }),
  );
  const machine = await playwright.request.newContext({
    baseURL: new URL(manager.url()).origin,
    extraHTTPHeaders: { authorization: `Bearer ${created.key}` },
  });
  const url = `/api/partner/engagements/${engagement.id}/data/employee_list`;
  const asJson = await json<{ fields: string[]; records: { name: string; email: string }[] }>(await machine.get(`${url}?format=json`));
  expect(asJson.fields).toEqual(["name", "email"]);
  expect(asJson.records).toHaveLength(120);
  expect(Object.keys(asJson.records[0] ?? {}).sort()).toEqual(["email", "name"]);
  const csv = await machine.get(`${url}?format=csv`);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).trim().split("\n")).toHaveLength(121);

  // The partner's own people work in Excel: the engagement page offers the granted list as a workbook.
  await partner.goto(`/engagements/${engagement.id}`);
  const excel = partner.getByRole("link", { name: "Excel herunterladen: Namen und E-Mail-Adressen der Beschäftigten" });
  const [download] = await Promise.all([partner.waitForEvent("download"), excel.click()]);
  expect(download.suggestedFilename()).toBe("employee_list.xlsx");

  // One click on "Data sharing" revokes; the very next call is refused.
  await manager.goto("/data-sharing");
  await manager
    .getByRole("button", { name: /Freigabe „Namen und E-Mail-Adressen der Beschäftigten“ für SurveyPro GmbH widerrufen/ })
    .click();
  const revokeDialog = manager.getByRole("dialog", { name: "Freigabe widerrufen?" });
  await expect(revokeDialog).toContainText("Bereits abgerufene Daten bleiben beim Partner");
  await revokeDialog.getByRole("button", { name: "Widerrufen" }).click();
  await expect(manager.getByText("Freigabe widerrufen.")).toBeVisible();
  expect((await machine.get(`${url}?format=json`)).status()).toBe(403);

  // The engagement page says the access was revoked (and when), instead of asking for a decision again.
  await manager.goto(`/engagements/${engagement.id}`);
  const revokedNote = manager.getByTestId("data-access-revoked");
  await expect(revokedNote).toContainText("Freigabe widerrufen");
  await expect(revokedNote).toContainText("Namen und E-Mail-Adressen der Beschäftigten");
  await expect(revokedNote.getByRole("button", { name: "Erneut freigeben" })).toBeVisible();
  await expect(manager.getByTestId("data-access-prompt")).toHaveCount(0);

  // The access log shows the list served three times (JSON, CSV, Excel: 120 records each) and the denied call.
  // (The partner's engagement page also read its participation figures: a served row of its own.)
  await manager.goto("/data-sharing");
  const listServed = manager.getByRole("row").filter({ has: manager.getByRole("cell", { name: "Ausgeliefert" }) });
  await expect(listServed.filter({ has: manager.getByRole("cell", { name: "120", exact: true }) })).toHaveCount(3);
  await expect(manager.getByRole("cell", { name: "Abgelehnt" })).toHaveCount(1);
  // Scopes and reasons in words, not keys (issue 14, item 10): the list by its name, the refusal by its reason.
  await expect(listServed.filter({ hasText: "Namen und E-Mail-Adressen der Beschäftigten" })).toHaveCount(3);
  const deniedRow = manager.getByRole("row").filter({ has: manager.getByRole("cell", { name: "Abgelehnt" }) });
  await expect(deniedRow).toContainText("Freigabe widerrufen");
  await expect(manager.getByRole("cell", { name: "employee_list", exact: true })).toHaveCount(0);
  await expect(manager.getByRole("cell", { name: "Teilnahmezahlen (nur Kennzahlen)" }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(manager, "data sharing page");
  await snapshot(manager, "data-sharing");
  await machine.dispose();

  // Max, whose name was on the list, reads it once under „Meine Daten“: who, for what, how often, revoked.
  const max = await session(browser, DEMO.employee);
  await max.goto("/my-data");
  const card = max.getByTestId("my-disclosure").filter({ hasText: "SurveyPro GmbH" });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("3-mal abgerufen");
  await expect(card).toContainText("Widerrufen");
  await expect(max.getByText("Sie möchten widersprechen oder haben Fragen?")).toBeVisible();
  await expectNoSeriousA11yViolations(max, "my data page");
});
