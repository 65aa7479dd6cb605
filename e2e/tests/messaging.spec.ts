import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expectNoHorizontalOverflow } from "../support/layout";
import { DEMO, signIn, snapshot } from "../support/session";
import { readMails } from "../support/smtp-sink";

/**
 * Issue 16, messaging per engagement (6.4): Petra asks SurveyPro a question inside an engagement of her
 * own (set up through the API, so other specs' engagements stay as they are); the warning stops an
 * employee's e-mail address on the way out; Marcus, on a phone, sees the unread badge and answers with a
 * PDF; Petra reads the answer and the badge goes; the timeline shows both messages beside the request.
 */
const WRITE = { "x-requested-with": "bgm-hub" };
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function session(browser: Browser, email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage();
  await signIn(page, email);
  return page;
}

async function json<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as T;
}

async function timelineKinds(page: Page): Promise<string[]> {
  return page.getByTestId("timeline-event").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-kind") ?? ""));
}

test("Petra asks in an engagement, Marcus sees the badge and answers with a PDF, Petra reads it", async ({ browser }) => {
  test.setTimeout(300_000);
  const petra = await session(browser, DEMO.manager);

  const offerings = await json<{ items: { id: string; title: string; providerName: string }[] }>(
    await petra.request.get("/api/marketplace/offerings?limit=100"),
  );
  const offering = offerings.items.find((o) => o.providerName === "SurveyPro GmbH");
  expect(offering).toBeTruthy();
  const engagement = await json<{ id: string }>(
    await petra.request.post("/api/engagements", {
      headers: WRITE,
      data: { offeringId: offering?.id, brief: { what: "Rückfrage-Test Nachrichten" } },
    }),
  );
  const path = `/engagements/${engagement.id}`;

  // Petra writes; an employee's e-mail address in the text brings the warning first.
  await petra.goto(path);
  const panel = petra.getByTestId("messages-panel");
  await expect(panel.getByRole("heading", { name: "Nachrichten" })).toBeVisible();
  await panel.getByRole("textbox", { name: "Thema" }).fill("Start");
  const input = panel.getByRole("textbox", { name: "Nachricht" });
  await input.fill(`Bitte schreiben Sie direkt an ${DEMO.employee}`);
  await panel.getByTestId("message-send").click();
  const warning = panel.getByTestId("message-warning");
  await expect(warning).toContainText("personenbezogene Daten");
  await expect(warning).toContainText(DEMO.employee);
  await snapshot(petra, "messaging-personal-data-warning");
  await warning.getByRole("button", { name: "Nachricht bearbeiten" }).click();
  await input.fill("Wann können Sie mit der Befragung starten?");
  await panel.getByTestId("message-send").click();
  await expect(panel.getByTestId("message-item").first()).toContainText("Wann können Sie mit der Befragung starten?");
  await expect(input).toHaveValue("");
  await expectNoSeriousA11yViolations(petra, "engagement with messages");

  // Marcus, on a 375 px phone: the unread badge in the navigation, the question in the engagement.
  const marcus = await session(browser, DEMO.partnerAdmin, { width: 375, height: 812 });
  await marcus.getByRole("button", { name: "Navigation ein- oder ausblenden" }).click();
  const badge = marcus.getByTestId("messages-unread-badge");
  await expect(badge).toBeVisible();
  await expect(badge).toHaveAccessibleName(/ungelesene Nachricht/);
  await marcus.goto(path);
  const partnerPanel = marcus.getByTestId("messages-panel");
  const question = partnerPanel.getByTestId("message-item").first();
  await expect(question).toContainText("Wann können Sie mit der Befragung starten?");
  await expect(question).toContainText("Start");
  await partnerPanel.getByRole("textbox", { name: "Nachricht" }).fill("Ab dem 3. März – der Ablaufplan liegt bei.");
  await partnerPanel.locator('input[type="file"]').setInputFiles({ name: "ablaufplan.pdf", mimeType: "application/pdf", buffer: PDF });
  await partnerPanel.getByTestId("message-send").click();
  const answer = partnerPanel.getByTestId("message-item").first();
  await expect(answer).toContainText("Ab dem 3. März");
  await expect(answer.getByTestId("message-attachment")).toHaveText("ablaufplan.pdf");
  await expectNoHorizontalOverflow(marcus, "engagement messages on a phone");
  await snapshot(marcus, "messaging-partner-phone");

  // The mail to Petra's side links back and carries neither the text nor the file.
  await expect
    .poll(
      () =>
        readMails(process.env.E2E_MAIL_LOG ?? "").filter((m) => m.to.includes(DEMO.manager) && m.subject.includes("Neue Nachricht")).length,
    )
    .toBeGreaterThan(0);
  const mail = readMails(process.env.E2E_MAIL_LOG ?? "")
    .filter((m) => m.to.includes(DEMO.manager) && m.subject.includes("Neue Nachricht"))
    .at(-1);
  expect(mail?.text).toContain(path);
  expect(mail?.text).not.toContain("3. März");

  // Petra: the badge, then the answer with its PDF; reading it clears the badge.
  await petra.goto("/");
  await expect(petra.getByTestId("messages-unread-badge")).toBeVisible();
  await petra.goto(path);
  const reply = petra.getByTestId("messages-panel").getByTestId("message-item").first();
  await expect(reply).toContainText("Ab dem 3. März – der Ablaufplan liegt bei.");
  const download = petra.waitForEvent("download");
  await reply.getByTestId("message-attachment").click();
  expect((await download).suggestedFilename()).toBe("ablaufplan.pdf");
  await expect(petra.getByTestId("messages-unread-badge")).toHaveCount(0);

  // The shared timeline shows both messages beside the request, on both sides.
  for (const page of [petra, marcus]) {
    await page.reload();
    await expect.poll(() => timelineKinds(page)).toEqual(["created", "message", "message"]);
  }
  await snapshot(petra, "messaging-timeline");
});
