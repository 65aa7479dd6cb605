import { fileURLToPath } from "node:url";
import { expect, type Page } from "@playwright/test";

const PAGES_DIR = fileURLToPath(new URL("../artifacts/pages/", import.meta.url));

export const DEMO_PASSWORD = "Demo!2026bgm";
export const DEMO = {
  manager: "petra.manager@muster-gmbh.de",
  employee: "max.mitarbeiter@muster-gmbh.de",
  partnerAdmin: "marcus@surveypro.de",
  admin: "admin@bgm-hub.de",
} as const;

/** Signs in through the real form (German UI) and waits until the app shell is there. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-Mail").fill(email);
  await page.getByRole("textbox", { name: "Passwort", exact: true }).fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByRole("navigation", { name: "Hauptnavigation" })).toBeVisible();
}

export async function signOut(page: Page, userName: string): Promise<void> {
  await page.getByRole("button", { name: new RegExp(userName) }).click();
  await page.getByRole("menuitem", { name: /Abmelden|Sign out/ }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Explicit screenshots of key pages, kept next to Playwright's own artifacts. */
export async function snapshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${PAGES_DIR}${name}.png`, fullPage: true });
}
