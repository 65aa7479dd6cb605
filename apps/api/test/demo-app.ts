import { DEMO_PASSWORD } from "../src/seed/demo-logins.js";
import { seedDemo } from "../src/seed/seed-demo.js";
import { type Api, api, createTestApp, signIn, type TestApp } from "./helpers.js";

/** The demo manager of Muster GmbH, the login most demo-data tests act as. */
export const DEMO_MANAGER = "petra.manager@muster-gmbh.de";

/**
 * A test app on the demo data (seedDemo, as `npm start` seeds it) with Petra signed in; `as` signs in any other
 * demo login. For tests that say what a newcomer finds on a first start.
 */
export async function createDemoTestApp(): Promise<{ t: TestApp; petra: Api; as: (email: string) => Promise<Api> }> {
  const t = await createTestApp();
  await seedDemo(t.database.db, t.app.auth);
  const as = async (email: string) => api(t.app, await signIn(t.app, email, DEMO_PASSWORD));
  return { t, petra: await as(DEMO_MANAGER), as };
}
