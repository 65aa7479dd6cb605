import { auditLog, offering } from "@bgm/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engagementUntil } from "../../../test/engagement-fixtures.js";
import { type Api, api, createTestApp, type OrgUser, signUpCompany, signUpProvider, type TestApp } from "../../../test/helpers.js";
import { pdfText } from "../../../test/pdf-text.js";
import { addPerson, expectOk, type Person, startsIn } from "../participation/test-fixtures.js";
import { withheldStations } from "./consolidated-report.js";
import { feedbackOpenUntil } from "./feedback.service.js";

/**
 * After the event (issue 13, 4.5 and 4.7): Muster GmbH's full-service day, planned by Gesundheitskasse Nord.
 * Six people hold a place at the back screening (five attend, one does not show), two attend the stress test.
 * Attendees rate their station anonymously; the company's report and the consolidated report that the planner
 * and the company share show the feedback only where at least five answered, and never a name.
 */

let t: TestApp;
let petra: OrgUser;
let asPetra: Api;
let asAnna: Api;
let asSub: Api;
let asOtherProvider: Api;
let engagementId: string;
let dayId: string;
let back: string;
let stress: string;
const back6: Person[] = [];
const stress2: Person[] = [];
let bystander: Person;

const berlinDate = (offsetDays: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date(Date.now() + offsetDays * 24 * 3_600_000));
const tomorrow = berlinDate(1);
const NAMES = /Achterberg|Brockmann|Czerny|Dahl|Ebert|Fuchs|Gruber|Hansen|Ilse|Jung/;

async function publish(orgId: string, title: string) {
  const [row] = await t.database.db
    .insert(offering)
    .values({
      orgId,
      title,
      category: "health_day_module",
      deliveryMode: "on_site",
      priceFromCents: 90_000,
      priceUnit: "per_day",
      status: "published",
      providerName: title,
    })
    .returning({ id: offering.id });
  return row?.id as string;
}

const rate = (p: Person, moduleId: string, body: unknown) =>
  (p.as as Api).post(`/api/me/health-days/${dayId}/modules/${moduleId}/feedback`, body);

beforeAll(async () => {
  t = await createTestApp();
  petra = await signUpCompany(t.app, { name: "Muster GmbH" });
  asPetra = api(t.app, petra.cookie);
  const anna = await signUpProvider(t.app, { name: "Gesundheitskasse Nord" });
  asAnna = api(t.app, anna.cookie);
  const sub = await signUpProvider(t.app, { name: "Rückenpause GmbH" });
  asSub = api(t.app, sub.cookie);
  const sub2 = await signUpProvider(t.app, { name: "Stresslabor" });
  asOtherProvider = api(t.app, (await signUpProvider(t.app, { name: "Andere Kasse" })).cookie);
  const [fullService] = await t.database.db
    .insert(offering)
    .values({
      orgId: anna.orgId,
      title: "Gesundheitstag Komplettpaket",
      category: "full_service_health_day",
      deliveryMode: "on_site",
      priceFromCents: 400_000,
      priceUnit: "per_day",
      status: "published",
      providerName: "Gesundheitskasse Nord",
    })
    .returning({ id: offering.id });
  engagementId = await engagementUntil(asPetra, asAnna, fullService?.id as string, "accepted", "Gesundheitstag");
  const created = await asPetra.post("/api/health-days", {
    title: "Fit for Work",
    startsOn: berlinDate(-1),
    endsOn: tomorrow,
    locations: ["Kantine", "Raum 2"],
    expectedHeadcount: 120,
    budgetCents: 500_000,
    mode: "full_service",
  });
  expectOk(created, 201, "create day");
  dayId = created.json().id;
  expectOk(await asPetra.put(`/api/health-days/${dayId}/planner`, { engagementId, approvalLimitCents: 500_000 }), 200, "hand over");
  const addStation = async (offeringId: string, location: string, hour: string) => {
    const res = await asAnna.post(`/api/planner/health-days/${engagementId}/modules`, { offeringId, location });
    expectOk(res, 201, "add station");
    const m = (res.json().modules as { id: string; title: string }[]).at(-1) as { id: string };
    const slots = await asAnna.post(`/api/planner/health-days/${engagementId}/modules/${m.id}/slots`, {
      slots: [{ startsAt: `${tomorrow}T${hour}:00:00Z`, endsAt: `${tomorrow}T${hour}:45:00Z`, capacity: 10 }],
    });
    expectOk(slots, 201, "add slot");
    const slotId = (slots.json().modules as { id: string; slots: { id: string }[] }[]).find((x) => x.id === m.id)?.slots[0]?.id as string;
    return { moduleId: m.id, slotId };
  };
  const a = await addStation(await publish(sub.orgId, "Rückenscreening"), "Kantine", "08");
  const b = await addStation(await publish(sub2.orgId, "Stressmessung"), "Raum 2", "10");
  back = a.moduleId;
  stress = b.moduleId;
  expectOk(await asPetra.post(`/api/health-days/${dayId}/transitions`, { action: "open_registration" }), 200, "open");
  const names = ["Achterberg", "Brockmann", "Czerny", "Dahl", "Ebert", "Fuchs", "Gruber", "Hansen", "Ilse", "Jung"];
  for (const [i, lastName] of names.entries()) {
    const p = await addPerson(t, petra, { account: true, firstName: "Person", lastName });
    if (i < 6) back6.push(p);
    else if (i < 8) stress2.push(p);
    else bystander = p;
  }
  for (const [people, slot] of [
    [back6, a.slotId],
    [stress2, b.slotId],
  ] as const) {
    for (const p of people) expectOk(await (p.as as Api).post(`/api/me/health-days/${dayId}/slots/${slot}/registration`), 201, "register");
  }
  // The slots begin: half an hour ago.
  await startsIn(asPetra, a.slotId, -30);
  await startsIn(asPetra, b.slotId, -30);
  for (const [i, p] of back6.entries()) {
    const status = i < 5 ? "attended" : "no_show";
    expectOk(await asPetra.put(`/api/participation-sessions/${a.slotId}/attendance/${p.employeeId}`, { status }), 200, "mark");
  }
  for (const p of stress2) {
    expectOk(await asPetra.put(`/api/participation-sessions/${b.slotId}/attendance/${p.employeeId}`, { status: "attended" }), 200, "mark");
  }
});
afterAll(() => t?.close());

describe("anonymous feedback per station", () => {
  it("opens only once the day is live", async () => {
    const res = await rate(back6[0] as Person, back, { rating: 5 });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe("feedback_not_open");
    expectOk(await asPetra.post(`/api/health-days/${dayId}/transitions`, { action: "go_live" }), 200, "go live");
  });

  it("lists the stations I attended, answered or not", async () => {
    const res = await ((back6[0] as Person).as as Api).get("/api/me/health-days/feedback");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      {
        healthDayId: dayId,
        healthDayTitle: "Fit for Work",
        startsOn: berlinDate(-1),
        moduleId: back,
        stationTitle: "Rückenscreening",
        answered: false,
        openUntil: feedbackOpenUntil(tomorrow),
      },
    ]);
    // Not checked in anywhere: nothing to rate.
    expect((await (bystander.as as Api).get("/api/me/health-days/feedback")).json().items).toEqual([]);
    expect((await ((back6[5] as Person).as as Api).get("/api/me/health-days/feedback")).json().items).toEqual([]);
  });

  it("takes one answer per attendee and station, stored without the person", async () => {
    const ratings = [5, 4, 4, 3, 5];
    const comments = ["Sehr hilfreich", null, "Zu kurz", undefined, "Gern wieder"];
    for (const [i, p] of back6.slice(0, 5).entries()) {
      const res = await rate(p, back, { rating: ratings[i], ...(comments[i] === undefined ? {} : { comment: comments[i] }) });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toEqual({ answered: true });
    }
    for (const p of stress2) expectOk(await rate(p, stress, { rating: 2, comment: "Nur zwei – bleibt verborgen" }), 201, "rate");
    const again = await rate(back6[0] as Person, back, { rating: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("feedback_already_given");
    const listed = (await ((back6[0] as Person).as as Api).get("/api/me/health-days/feedback")).json();
    expect(listed.items.map((x: { answered: boolean }) => x.answered)).toEqual([true]);
    // The audit says who answered, never what.
    const audit = await t.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, back), eq(auditLog.action, "health_days.feedback_given")));
    expect(audit).toHaveLength(5);
    expect(JSON.stringify(audit)).not.toMatch(/Sehr hilfreich|rating/);
  });

  it("refuses people who were not checked in at the station: the no-show, a bystander, an attendee of another station", async () => {
    for (const [p, moduleId] of [
      [back6[5] as Person, back],
      [bystander, back],
      [stress2[0] as Person, back],
    ] as const) {
      const res = await rate(p, moduleId, { rating: 3 });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe("not_attended");
    }
  });

  it("bad input is a 400, an unknown or foreign station a 404, the manager without a register entry 403", async () => {
    const p = back6[1] as Person;
    for (const body of [
      {},
      { rating: 0 },
      { rating: 6 },
      { rating: 2.5 },
      { rating: "5" },
      { rating: 4, comment: "x".repeat(1001) },
      { rating: 4, employeeId: p.employeeId },
    ]) {
      const res = await rate(p, back, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBeTruthy();
    }
    expect((await (p.as as Api).post(`/api/me/health-days/${dayId}/modules/nope/feedback`, { rating: 3 })).statusCode).toBe(400);
    expect((await rate(p, "00000000-0000-4000-8000-000000000000", { rating: 3 })).statusCode).toBe(404);
    const other = await signUpCompany(t.app, { name: "Fremd GmbH" });
    const strangerEmployee = await addPerson(t, other, { account: true, lastName: "Fremd" });
    expect((await rate(strangerEmployee, back, { rating: 3 })).statusCode).toBe(404);
    const mgr = await asPetra.post(`/api/me/health-days/${dayId}/modules/${back}/feedback`, { rating: 3 });
    expect(mgr.statusCode).toBe(403);
    expect(mgr.json().error.code).toBe("not_in_register");
    expect((await asAnna.post(`/api/me/health-days/${dayId}/modules/${back}/feedback`, { rating: 3 })).statusCode).toBe(403);
  });

  it("closes 14 days after the day's last day", () => {
    expect(feedbackOpenUntil("2026-03-15")).toBe("2026-03-29");
    expect(feedbackOpenUntil("2026-12-25")).toBe("2027-01-08");
  });
});

describe("the reports after the event", () => {
  it("the company's report shows feedback per station from five answers on, else only that it is suppressed", async () => {
    const r = (await asPetra.get(`/api/health-days/${dayId}/report`)).json();
    expect(r.minGroupSize).toBe(5);
    const byTitle = Object.fromEntries(r.stations.map((s: { title: string; feedback: unknown }) => [s.title, s.feedback]));
    expect(byTitle.Rückenscreening).toEqual({
      suppressed: false,
      answers: 5,
      average: 4.2,
      distribution: [0, 0, 1, 2, 2],
      comments: ["Gern wieder", "Sehr hilfreich", "Zu kurz"],
    });
    expect(byTitle.Stressmessung).toEqual({ suppressed: true, answers: null, average: null, distribution: null, comments: [] });
    expect(JSON.stringify(r)).not.toContain("bleibt verborgen");
    const pdf = await asPetra.get(`/api/health-days/${dayId}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain("Rückmeldungen der Teilnehmenden");
    expect(text).toContain("4,2 von 5");
    expect(text).toContain("Sehr hilfreich");
    expect(text).toContain("weniger als 5");
    expect(text).not.toContain("bleibt verborgen");
  });

  it("the planner's consolidated report: aggregates per station, small groups withheld, no name", async () => {
    const res = await asAnna.get(`/api/planner/health-days/${engagementId}/report`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ healthDayId: dayId, engagementId, companyName: "Muster GmbH", plannerName: "Gesundheitskasse Nord" });
    const [b, s] = r.stations;
    expect(b).toMatchObject({ title: "Rückenscreening", registered: 6, feedback: { suppressed: false, average: 4.2 } });
    // Two at the stress test are below five; the screening's six join them, so neither is the total minus the other.
    expect(s).toMatchObject({ title: "Stressmessung", attendanceSuppressed: true, attended: null, feedback: { suppressed: true } });
    expect(b).toMatchObject({ attendanceSuppressed: true, attended: null, noShow: null });
    expect(r.totals).toMatchObject({ attended: 7, noShow: 1, people: 8, attendanceSuppressed: false });
    expect(JSON.stringify(r)).not.toMatch(NAMES);
    expect(JSON.stringify(r)).not.toContain('"slots"');
    // The company reads the same report.
    const mine = (await asPetra.get(`/api/health-days/${dayId}/consolidated-report`)).json();
    expect({ ...mine, generatedAt: null }).toEqual({ ...r, generatedAt: null });
  });

  it("as a PDF for either side, with the figures, audited with the planner", async () => {
    const res = await asAnna.get(`/api/planner/health-days/${engagementId}/report.pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="gesamtbericht-gesundheitstag-Fit-for-Work-${berlinDate(-1)}.pdf"`,
    );
    const text = pdfText(res.rawPayload);
    for (const s of [
      "Gesamtbericht Gesundheitstag",
      "Muster GmbH",
      "Gesundheitskasse Nord",
      "Rückenscreening",
      "4,2 von 5",
      "< 5",
      "Gern wieder",
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toMatch(NAMES);
    expect((await asPetra.get(`/api/health-days/${dayId}/consolidated-report.pdf`)).statusCode).toBe(200);
    const audit = await t.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, dayId), eq(auditLog.action, "health_days.consolidated_report_exported")));
    expect(audit.map((a) => a.details)).toEqual(
      expect.arrayContaining([expect.objectContaining({ format: "pdf", plannerEngagementId: engagementId }), { format: "pdf" }]),
    );
  });

  it("nobody else reads it: another provider, the sub-provider, another company, an employee; a DIY day has none", async () => {
    for (const as of [asOtherProvider, asSub]) {
      expect((await as.get(`/api/planner/health-days/${engagementId}/report`)).statusCode).toBe(404);
      expect((await as.get(`/api/planner/health-days/${engagementId}/report.pdf`)).statusCode).toBe(404);
    }
    expect((await asPetra.get(`/api/planner/health-days/${engagementId}/report`)).statusCode).toBe(403);
    const stranger = api(t.app, (await signUpCompany(t.app, { name: "Andere AG" })).cookie);
    expect((await stranger.get(`/api/health-days/${dayId}/consolidated-report`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/health-days/${dayId}/consolidated-report.pdf`)).statusCode).toBe(404);
    expect((await (bystander.as as Api).get(`/api/health-days/${dayId}/consolidated-report`)).statusCode).toBe(403);
    expect((await asPetra.get(`/api/planner/health-days/not-a-uuid/report`)).statusCode).toBe(400);
    const diy = await asPetra.post("/api/health-days", { title: "Eigener Tag", startsOn: tomorrow });
    const noPlanner = await asPetra.get(`/api/health-days/${diy.json().id}/consolidated-report`);
    expect(noPlanner.statusCode).toBe(409);
    expect(noPlanner.json().error.code).toBe("no_planner");
  });
});

describe("participation reports", () => {
  it("count the health day's attendees as people reached, each once", async () => {
    const res = await asPetra.get(`/api/participation/reports/people?from=${berlinDate(-2)}&to=${berlinDate(2)}&groupBy=category`);
    expect(res.statusCode, res.body).toBe(200);
    // Five attended the screening, two the stress test; the no-show is not reached.
    expect(res.json().peopleReached).toEqual({ value: 7, suppressed: false });
  });
});

describe("withholding small attendance groups", () => {
  it("withholds stations below the minimum, and the next smallest while their group is still small", () => {
    expect(withheldStations([10, 12, 8], 5)).toEqual([false, false, false]);
    expect(withheldStations([10, 2, 8], 5)).toEqual([false, true, true]);
    expect(withheldStations([10, 2, 3, 8], 5)).toEqual([false, true, true, false]);
    expect(withheldStations([0, 10, 8], 5)).toEqual([false, false, false]);
    expect(withheldStations([2, 2], 5)).toEqual([true, true]);
  });
});
