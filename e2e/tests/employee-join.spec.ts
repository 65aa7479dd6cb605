import { expect, type Locator, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { DEMO, signIn, snapshot } from "../support/session";
import { readMails } from "../support/smtp-sink";

const PHONE = { width: 390, height: 844 };

/** Nothing of the element sticks out of a phone-sized viewport. */
async function fitsPhone(page: Page, element: Locator): Promise<void> {
  const box = await element.boundingBox();
  expect(box).not.toBeNull();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a new employee joins through the company link and the mailed link, on a phone, and lands signed in", async ({ page, browser }) => {
  const email = `lina.link.${Date.now()}@muster-gmbh.de`;
  await signIn(page, DEMO.manager);
  // She is in the register (as a CSV import would put her), with no account.
  const added = await page.request.post("/api/employees", {
    headers: { "X-Requested-With": "bgm-hub" },
    data: { firstName: "Lina", lastName: "Link", email, department: "Vertrieb" },
  });
  expect(added.status()).toBe(201);

  // The manager creates the company link on her phone and copies it.
  await page.setViewportSize(PHONE);
  await page.goto("/employees");
  const card = page.getByRole("region", { name: "Firmenlink für Beschäftigte" });
  await card.getByRole("button", { name: "Firmenlink erstellen" }).click();
  await expect(page.getByText("Firmenlink erstellt")).toBeVisible();
  const linkField = card.getByRole("textbox", { name: "Firmenlink" });
  await expect(linkField).toHaveValue(/\/join\/[\w-]{43}$/);
  await expect(card.getByRole("button", { name: "Link kopieren" })).toBeVisible();
  await expect(card.getByRole("button", { name: "Neuen Link erzeugen" })).toBeVisible();
  await fitsPhone(page, card);
  await snapshot(page, "employee-join-manager-card-phone");
  const joinPath = new URL(await linkField.inputValue()).pathname;

  // Lina opens it on her phone, signed out, and gives her work address (in her own spelling).
  const context = await browser.newContext({ viewport: PHONE, locale: "de-DE" });
  const phone = await context.newPage();
  await phone.goto(joinPath);
  await expect(phone.getByRole("heading", { name: "Anmelden bei Muster GmbH" })).toBeVisible();
  await phone.getByRole("textbox", { name: "Dienstliche E-Mail-Adresse" }).fill(email.toUpperCase());
  await phone.getByRole("button", { name: "Anmeldelink senden" }).click();
  await expect(phone.getByRole("heading", { name: "Prüfen Sie Ihr Postfach" })).toBeVisible();
  await expect(phone.getByText("ist ein Anmeldelink unterwegs")).toBeVisible();
  await fitsPhone(phone, phone.getByRole("main"));
  await expectNoSeriousA11yViolations(phone, "join page (phone)");
  await snapshot(phone, "employee-join-page-phone");

  // The mail went over SMTP to the register's address, in German, with a one-use link.
  const mail = () => readMails(process.env.E2E_MAIL_LOG ?? "").find((m) => m.to.includes(email) && m.text.includes("/login/link?token="));
  await expect.poll(mail).toBeTruthy();
  expect(mail()?.subject).toBe("Ihr Anmeldelink für Muster GmbH (BGM Hub)");
  expect(mail()?.text).toContain("15 Minuten gültig");
  const signInUrl = new URL(/https?:\/\/\S+\/login\/link\?token=\S+/.exec(mail()?.text ?? "")?.[0] ?? "");

  await phone.goto(signInUrl.pathname + signInUrl.search);
  await phone.getByRole("button", { name: "Jetzt anmelden" }).click();
  await expect(phone).toHaveURL(/\/$/);
  await expect(phone.getByRole("button", { name: /Lina Link/ })).toBeVisible();
  const me = await (await phone.request.get("/api/me")).json();
  expect(me.user).toMatchObject({ name: "Lina Link", email });
  expect(me.active).toMatchObject({ organizationName: "Muster GmbH", role: "employee" });
  await snapshot(phone, "employee-join-start-page-phone");

  // The link works once.
  await phone.goto(signInUrl.pathname + signInUrl.search);
  await phone.getByRole("button", { name: "Jetzt anmelden" }).click();
  await expect(phone.getByRole("alert")).toContainText("schon benutzt");
  await context.close();
});
