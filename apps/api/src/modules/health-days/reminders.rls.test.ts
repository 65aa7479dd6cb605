import { healthDayInvitation, healthDayReminder, offering, withTenantTx } from "@bgm/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type OrgUser, signUpCompany, signUpProvider, type TestApp } from "../../../test/helpers.js";
import { addPerson, type Person } from "../participation/test-fixtures.js";
import { type DayWorld, dayWithSlots } from "./report.test-fixtures.js";

/** The second wall for invitations and reminder markers: row-level security confines them to the company. */
let t: TestApp;
let w: DayWorld;
let b: OrgUser;
let person: Person;
const day = new Date(Date.now() + 30 * 24 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  const partner = await signUpProvider(t.app, { name: "Rückenpause GmbH" });
  const [row] = await t.database.db
    .insert(offering)
    .values({
      orgId: partner.orgId,
      title: "Rückenscreening",
      category: "health_day_module",
      deliveryMode: "on_site",
      priceFromCents: 90_000,
      priceUnit: "per_day",
      status: "published",
      providerName: "Rückenpause GmbH",
    })
    .returning({ id: offering.id });
  w = await dayWithSlots(t, {
    startsOn: day,
    offeringId: row?.id as string,
    slots: [{ startsAt: `${day}T08:00:00Z`, endsAt: `${day}T09:00:00Z`, capacity: 5 }],
  });
  person = await addPerson(t, w.manager, { firstName: "Anna" });
  b = await signUpCompany(t.app, { name: "Firma B" });
  // As the owner (bypassing RLS), as the services would have left them in A.
  await t.database.db.insert(healthDayInvitation).values({ orgId: w.manager.orgId, healthDayId: w.dayId, employeeId: person.employeeId });
  await t.database.db
    .insert(healthDayReminder)
    .values({ orgId: w.manager.orgId, sessionId: w.slotIds[0] as string, employeeId: person.employeeId });
});
afterAll(() => t?.close());

describe("row-level security of invitations and reminder markers", () => {
  it("another company's tenant transaction sees none of A's, A sees its own", async () => {
    const read = (orgId: string) =>
      withTenantTx(t.database.db, orgId, async (tx) => ({
        invitations: (await tx.select().from(healthDayInvitation)).length,
        reminders: (await tx.select().from(healthDayReminder)).length,
      }));
    expect(await read(b.orgId)).toEqual({ invitations: 0, reminders: 0 });
    expect(await read(w.manager.orgId)).toEqual({ invitations: 1, reminders: 1 });
  });

  it("refuses to write a marker into another company", async () => {
    // A person without a marker yet: only row-level security can refuse this row.
    const other = await addPerson(t, w.manager, { firstName: "Bernd" });
    const refused = await withTenantTx(t.database.db, b.orgId, (tx) =>
      tx.insert(healthDayReminder).values({ orgId: w.manager.orgId, sessionId: w.slotIds[0] as string, employeeId: other.employeeId }),
    ).then(
      () => null,
      (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
    );
    expect(refused).toMatch(/row-level security/i);
    const own = await withTenantTx(t.database.db, w.manager.orgId, (tx) =>
      tx
        .insert(healthDayReminder)
        .values({ orgId: w.manager.orgId, sessionId: w.slotIds[0] as string, employeeId: other.employeeId })
        .returning(),
    );
    expect(own).toHaveLength(1);
  });
});
