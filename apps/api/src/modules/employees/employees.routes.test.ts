import { auditLog, employee, withTenantTx } from "@bgm/db";
import { FILE_TYPES } from "@bgm/domain";
import { and, eq, sql } from "drizzle-orm";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Api,
  addMember,
  allPages,
  api,
  createTestApp,
  type OrgUser,
  signUp,
  signUpCompany,
  signUpProvider,
  type TestApp,
} from "../../../test/helpers.js";
import { countEmployees, linkEmployeeAccount } from "./index.js";
import { lyingAbout, workbook } from "./test-fixtures.js";

let t: TestApp;
let a: OrgUser;
let b: OrgUser;
let asA: Api;
let asB: Api;

const csv = (body: string | Buffer, contentType = "text/csv") => ({
  method: "POST" as const,
  url: "/api/employees/import",
  headers: { "content-type": contentType },
  payload: body,
});
const xlsx = (body: Buffer) => csv(body, FILE_TYPES.xlsx);
const person = (n: string, extra: Record<string, unknown> = {}) => ({
  firstName: `Vorname${n}`,
  lastName: `Nachname${n}`,
  email: `person.${n}@firma-a.de`,
  department: "Produktion",
  ...extra,
});

async function countIn(orgId: string): Promise<number> {
  const [row] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(employee).where(eq(employee.orgId, orgId));
  return row?.n ?? 0;
}

async function auditActions(orgId: string): Promise<{ action: string; details: Record<string, unknown> }[]> {
  return t.database.db
    .select({ action: auditLog.action, details: auditLog.details })
    .from(auditLog)
    .where(eq(auditLog.orgId, orgId))
    .orderBy(auditLog.id);
}

beforeAll(async () => {
  t = await createTestApp();
  a = await signUpCompany(t.app, { name: "Firma A" });
  b = await signUpCompany(t.app, { name: "Firma B" });
  asA = api(t.app, a.cookie);
  asB = api(t.app, b.cookie);
});
afterAll(() => t?.close());

describe("create", () => {
  it("creates an employee (201) and refuses the same e-mail in any case (409)", async () => {
    const res = await asA.post("/api/employees", person("1", { location: "München" }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ firstName: "Vorname1", location: "München", active: true });

    const dup = await asA.post("/api/employees", person("x", { email: "PERSON.1@Firma-A.de" }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe("conflict");
  });

  it("allows the same e-mail in another company", async () => {
    const res = await asB.post("/api/employees", person("1"));
    expect(res.statusCode, res.body).toBe(201);
  });

  it("refuses unknown body fields and malformed JSON with 400", async () => {
    const extra = await asA.post("/api/employees", person("2", { salary: 1 }));
    expect(extra.statusCode).toBe(400);
    const bad = await asA.raw({
      method: "POST",
      url: "/api/employees",
      headers: { "content-type": "application/json" },
      payload: '{"firstName": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBeDefined();
  });
});

describe("list", () => {
  beforeAll(async () => {
    for (const [n, last, dept] of [
      ["L1", "Zander", "Lager"],
      ["L2", "Ärmel", "Lager"],
      ["L3", "Becker", "Büro"],
      ["L4", "Weiß", "Büro"],
    ] as const) {
      const res = await asA.post(
        "/api/employees",
        person(n, { lastName: last, department: dept, firstName: n === "L4" ? "Jürgen" : `Vorname${n}` }),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
  });

  it("searches first name, last name and e-mail case-insensitively", async () => {
    const byName = (await asA.get(`/api/employees?q=${encodeURIComponent("jürgen wei")}`)).json();
    expect(byName.items.map((e: { lastName: string }) => e.lastName)).toEqual(["Weiß"]);
    const byMail = (await asA.get("/api/employees?q=PERSON.L3")).json();
    expect(byMail.items.map((e: { lastName: string }) => e.lastName)).toEqual(["Becker"]);
    const literal = (await asA.get("/api/employees?q=%25")).json();
    expect(literal.total).toBe(0);
  });

  it("filters by department, pages, sorts by last name and counts active per department and location", async () => {
    const res = await asA.get(`/api/employees?department=${encodeURIComponent("Büro")}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((e: { lastName: string }) => e.lastName)).toEqual(["Becker", "Weiß"]);

    const page2 = (await asA.get(`/api/employees?limit=2&cursor=${(await asA.get("/api/employees?limit=2")).json().nextCursor}`)).json();
    expect(page2).toMatchObject({ total: 5, nextCursor: expect.any(String) });
    expect(page2.items).toHaveLength(2);
    expect(page2.departments).toEqual(
      expect.arrayContaining([
        { name: "Büro", count: 2 },
        { name: "Lager", count: 2 },
        { name: "Produktion", count: 1 },
      ]),
    );
    // Work locations likewise; people without one are no location (only the first person has one).
    expect(page2.locations).toEqual([{ name: "München", count: 1 }]);
  });

  it("pages by cursor in name order: every employee once, no empty last page, the total of all matches on each page", async () => {
    type Row = { id: string; lastName: string };
    const whole = (await asA.get("/api/employees?active=all&limit=100")).json() as { items: Row[]; total: number };
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await asA.get(`/api/employees?active=all&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: Row[]; total: number; nextCursor: string | null };
      expect(body.total).toBe(whole.total);
      expect(body.items.length).toBeGreaterThan(0);
      seen.push(...body.items.map((e) => e.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(whole.total / 2));
    expect(seen).toEqual(whole.items.map((e) => e.id));

    // With a filter, the cursor keeps to the filtered list in the same order.
    const lager = await allPages<Row>(asA, "/api/employees?department=Lager", 1);
    expect(lager.pages).toBe(2);
    expect(lager.items.map((e) => e.id)).toEqual(whole.items.filter((e) => ["Zander", "Ärmel"].includes(e.lastName)).map((e) => e.id));
  });

  it("neither repeats nor skips anyone when employees are added between two pages", async () => {
    type Row = { id: string; lastName: string };
    const before = (await asA.get("/api/employees?limit=100")).json().items as Row[];
    const first = (await asA.get("/api/employees?limit=2")).json() as { items: Row[]; nextCursor: string };
    // One sorts before the first page (must not push anyone onto the next page), one after it.
    for (const [n, last] of [
      ["N1", "Aaberg"],
      ["N2", "Zzyzx"],
    ] as const) {
      expect((await asA.post("/api/employees", person(n, { lastName: last, department: "Neu" }))).statusCode).toBe(201);
    }
    const rest = await allPages<Row>(asA, "/api/employees", 2, first.nextCursor);
    const names = [...first.items, ...rest.items].map((e) => e.lastName);
    const now = (await asA.get("/api/employees?limit=100")).json().items as Row[];
    expect(now.map((e) => e.lastName)).toEqual(expect.arrayContaining([...before.map((e) => e.lastName), "Aaberg", "Zzyzx"]));
    // Everyone exactly once, in today's order; only the one who sorts before the pages already read is not on them.
    expect(names).toEqual(now.map((e) => e.lastName).filter((n) => n !== "Aaberg"));
    for (const id of (await asA.get("/api/employees?q=Aaberg")).json().items.map((e: Row) => e.id)) {
      await asA.patch(`/api/employees/${id}`, { active: false });
    }
    for (const id of (await asA.get("/api/employees?q=Zzyzx")).json().items.map((e: Row) => e.id)) {
      await asA.patch(`/api/employees/${id}`, { active: false });
    }
  });

  it("refuses a cursor it did not issue (400) and gives another company's cursor no rows of the first", async () => {
    const audit = (await asA.get("/api/audit?limit=1")).json().nextCursor as string;
    for (const cursor of ["abc", audit, "x".repeat(600), "a.b"]) {
      const res = await asA.get(`/api/employees?cursor=${cursor}`);
      expect(res.statusCode, cursor).toBe(400);
      expect(res.json().error).toMatchObject({
        code: "validation_failed",
        details: { issues: [expect.objectContaining({ path: ["cursor"] })] },
      });
    }
    const ofA = (await asA.get("/api/employees?active=all&limit=100")).json().items as { id: string }[];
    const cursorOfA = (await asA.get("/api/employees?limit=1")).json().nextCursor as string;
    const res = await asB.get(`/api/employees?active=all&cursor=${cursorOfA}`);
    expect(res.statusCode).toBe(200);
    const idsOfA = new Set(ofA.map((e) => e.id));
    expect((res.json().items as { id: string }[]).filter((e) => idsOfA.has(e.id))).toEqual([]);
  });

  it("never shows another company's employees", async () => {
    const seenByA = (await allPages<{ id: string }>(asA, "/api/employees?active=all")).items;
    const ofB = (await asB.get("/api/employees?active=all")).json().items as { id: string }[];
    expect(ofB).toHaveLength(1);
    expect(seenByA.length).toBeGreaterThan(0);
    expect(seenByA.map((e) => e.id)).not.toContain(ofB[0]?.id);
    expect((await asB.get("/api/employees?q=Zander")).json().total).toBe(0);
  });
});

describe("edit, deactivate, reactivate", () => {
  let id: string;
  beforeAll(async () => {
    id = (await asA.post("/api/employees", person("E1"))).json().id;
  });

  it("edits fields", async () => {
    const res = await asA.patch(`/api/employees/${id}`, { department: "Vertrieb", location: "Köln" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ department: "Vertrieb", location: "Köln", firstName: "VornameE1" });
  });

  it("refuses an e-mail of another employee (409) but accepts a case change of its own", async () => {
    expect((await asA.patch(`/api/employees/${id}`, { email: "Person.1@firma-a.de" })).statusCode).toBe(409);
    const own = await asA.patch(`/api/employees/${id}`, { email: "PERSON.E1@firma-a.de" });
    expect(own.statusCode, own.body).toBe(200);
  });

  it("deactivates and reactivates; inactive ones leave the default list", async () => {
    expect((await asA.patch(`/api/employees/${id}`, { active: false })).json().active).toBe(false);
    const active = (await asA.get("/api/employees?q=VornameE1")).json();
    expect(active.total).toBe(0);
    const inactive = (await asA.get("/api/employees?q=VornameE1&active=false")).json();
    expect(inactive.items.map((e: { id: string }) => e.id)).toEqual([id]);
    expect((await asA.patch(`/api/employees/${id}`, { active: true })).json().active).toBe(true);

    const actions = (await auditActions(a.orgId)).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["employee.created", "employee.updated", "employee.deactivated", "employee.reactivated"]),
    );
  });

  it("answers 404 for unknown ids and for another company's employee, 400 for a malformed id or empty patch", async () => {
    expect((await asA.patch("/api/employees/00000000-0000-4000-8000-000000000000", { active: false })).statusCode).toBe(404);
    const bEmployee = (await asB.get("/api/employees")).json().items[0].id as string;
    const res = await asA.patch(`/api/employees/${bEmployee}`, { lastName: "Übernommen" });
    expect(res.statusCode).toBe(404);
    expect((await asB.get("/api/employees")).json().items[0].lastName).toBe("Nachname1");
    expect((await asA.patch("/api/employees/not-a-uuid", { active: false })).statusCode).toBe(400);
    expect((await asA.patch(`/api/employees/${id}`, {})).statusCode).toBe(400);
  });
});

describe("CSV import", () => {
  it("creates new employees and updates (and reactivates) existing ones by e-mail", async () => {
    const existing = (await asA.post("/api/employees", person("I1", { location: "Alt" }))).json();
    await asA.patch(`/api/employees/${existing.id}`, { active: false });
    const before = await countIn(a.orgId);
    const file =
      "\uFEFFVorname;Nachname;E-Mail;Abteilung;Standort\r\n" +
      "Jürgen;Weiß;juergen.weiss@firma-a.de;Produktion;München\r\n" +
      'Änne;"Groß; geb. Öztürk";aenne@firma-a.de;Büro;Köln\r\n' +
      "Vorname I1;Straßer;PERSON.I1@FIRMA-A.DE;Qualität;Düsseldorf\r\n";
    const res = await asA.raw(csv(file));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 1, total: 3 });
    expect(await countIn(a.orgId)).toBe(before + 2);

    const updated = (await asA.get("/api/employees?q=Stra%C3%9Fer")).json().items[0];
    expect(updated).toMatchObject({ id: existing.id, lastName: "Straßer", department: "Qualität", location: "Düsseldorf", active: true });
    const created = (await asA.get("/api/employees?q=aenne")).json().items[0];
    expect(created).toMatchObject({ firstName: "Änne", lastName: "Groß; geb. Öztürk", location: "Köln" });

    const entry = (await auditActions(a.orgId)).filter((e) => e.action === "employees.imported").at(-1);
    expect(entry?.details).toMatchObject({ created: 2, updated: 1, total: 3 });
    // The audit log is kept for years; it must hold ids and counts, never names or e-mails.
    expect(JSON.stringify(await auditActions(a.orgId))).not.toMatch(/@|Jürgen|Weiß|Vorname/);
  });

  it("imports nothing when one row is bad and reports its line", async () => {
    const before = await countIn(a.orgId);
    const file =
      "Vorname;Nachname;E-Mail;Abteilung\nNeu;Eins;neu.eins@firma-a.de;IT\nNeu;Zwei;keine-mail;IT\nNeu;Drei;neu.drei@firma-a.de;IT\n";
    const res = await asA.raw(csv(file));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: "csv_invalid", details: { issues: [{ in: "file", path: [3, "email"] }] } });
    expect(await countIn(a.orgId)).toBe(before);
  });

  it("answers 422 for a bad header or an empty file, 413 for too many rows", async () => {
    const header = await asA.raw(csv("Name;Mail\nA;a@b.de\n"));
    expect(header.statusCode).toBe(422);
    expect(header.json().error.message).toMatch(/header/);
    expect((await asA.raw(csv(""))).statusCode).toBe(422);
    const rows = Array.from({ length: 5001 }, (_, i) => `A;B;x${i}@firma-a.de;IT`).join("\n");
    const big = await asA.raw(csv(`Vorname;Nachname;E-Mail;Abteilung\n${rows}\n`));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe("payload_too_large");
  });

  it("imports German Excel's Windows-1252 CSV with exact umlauts", async () => {
    const file = iconv.encode("Vorname;Nachname;E-Mail;Abteilung\r\nJürgen;Müller;cp1252.mueller@firma-a.de;Straße\r\n", "windows-1252");
    const res = await asA.raw(csv(file));
    expect(res.statusCode, res.body).toBe(200);
    const [row] = (await asA.get("/api/employees?q=cp1252")).json().items;
    expect(row).toMatchObject({ firstName: "Jürgen", lastName: "Müller", department: "Straße" });
  });

  it("imports UTF-16 LE with BOM, sent as octet-stream", async () => {
    const file = iconv.encode("Vorname\tNachname\tE-Mail\tAbteilung\r\nÄnne\tÖz\tutf16.oez@firma-a.de\tBüro\r\n", "utf-16le", {
      addBOM: true,
    });
    const res = await asA.raw(csv(file, "application/octet-stream"));
    expect(res.statusCode, res.body).toBe(200);
    expect((await asA.get("/api/employees?q=utf16")).json().items[0]).toMatchObject({
      firstName: "Änne",
      lastName: "Öz",
      department: "Büro",
    });
  });

  it("imports an Excel workbook, whatever content type the browser declares", async () => {
    const file = await workbook([
      ["Vorname", "Nachname", "E-Mail", "Abteilung", "Standort"],
      ["Jürgen", "Groß", "xlsx.gross@firma-a.de", "Qualität", "München"],
      ["Eva", "Klein", "xlsx.klein@firma-a.de", "IT", ""],
    ]);
    const res = await asA.raw(xlsx(file));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 0, total: 2 });
    expect((await asA.raw(csv(file, "application/octet-stream"))).json()).toEqual({ created: 0, updated: 2, total: 2 });
    expect((await asA.get("/api/employees?q=xlsx.gross")).json().items[0]).toMatchObject({ lastName: "Groß", location: "München" });
  });

  it("refuses zip bombs with 413 and writes nothing", async () => {
    const before = await countIn(a.orgId);
    const honest = await workbook([
      ["Vorname", "Nachname", "E-Mail", "Abteilung"],
      ["Eva", "Bombe", "bomb@firma-a.de", "IT"],
    ]);
    const res = await asA.raw(xlsx(lyingAbout(honest, "xl/worksheets/sheet1.xml", 10)));
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error.code).toBe("payload_too_large");
    expect(await countIn(a.orgId)).toBe(before);
  });

  it("reports duplicate e-mails, row errors and other file types with their codes", async () => {
    const dup = await asA.raw(csv("Vorname;Nachname;E-Mail;Abteilung\nA;B;dup@firma-a.de;IT\nC;D;DUP@firma-a.de;IT\nE;;x;IT\n"));
    expect(dup.statusCode).toBe(422);
    expect(dup.json().error.details.issues).toEqual([
      { in: "file", path: [3, "email"], code: "duplicate_email", message: "Duplicate e-mail, also in line 2", values: { line: 2 } },
      { in: "file", path: [4, "lastName"], code: "required", message: "Required" },
      { in: "file", path: [4, "email"], code: "invalid_email", message: "Not a valid e-mail address" },
    ]);
    const pdf = await asA.raw(csv(Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), "application/octet-stream"));
    expect(pdf.statusCode).toBe(422);
    expect(pdf.json().error.details.issues).toMatchObject([{ path: [1], code: "unsupported_file" }]);
    expect((await asA.raw(csv(Buffer.from("{}"), "application/json"))).statusCode).toBe(415);
    expect((await asA.raw(csv(Buffer.alloc(6 * 1024 * 1024, 0x41)))).statusCode).toBe(413);
  });
});

describe("access", () => {
  it("answers 401 without a session", async () => {
    expect((await api(t.app).get("/api/employees")).statusCode).toBe(401);
    expect((await api(t.app).post("/api/employees", person("anon"))).statusCode).toBe(401);
  });

  it("answers 403 to an employee of the company and to a provider", async () => {
    const worker = api(t.app, (await addMember(t, a, "employee")).cookie);
    expect((await worker.get("/api/employees")).statusCode).toBe(403);
    expect((await worker.post("/api/employees", person("w"))).statusCode).toBe(403);
    expect((await worker.raw(csv("Vorname;Nachname;E-Mail;Abteilung\nA;B;w@x.de;IT\n"))).statusCode).toBe(403);
    const provider = api(t.app, (await signUpProvider(t.app)).cookie);
    expect((await provider.get("/api/employees")).statusCode).toBe(403);
  });

  it("answers 403 to a signed-in user without an organization", async () => {
    const loner = await signUp(t.app);
    expect((await api(t.app, loner.cookie).get("/api/employees")).statusCode).toBe(403);
  });
});

describe("public entry", () => {
  it("links an employee to a user account by e-mail in any case", async () => {
    const created = (await asA.post("/api/employees", person("K1"))).json();
    await withTenantTx(t.database.db, a.orgId, (tx) => linkEmployeeAccount(tx, a.orgId, "Person.K1@FIRMA-A.de", a.userId));
    const [row] = await t.database.db
      .select({ userId: employee.userId })
      .from(employee)
      .where(and(eq(employee.id, created.id), eq(employee.orgId, a.orgId)));
    expect(row?.userId).toBe(a.userId);
  });

  it("counts active employees per department", async () => {
    const counts = await withTenantTx(t.database.db, b.orgId, (tx) =>
      countEmployees({ tx, orgId: b.orgId, orgKind: "company", role: "bgm_manager", userId: b.userId, audit: async () => {} }),
    );
    expect(counts).toEqual({ active: 1, byDepartment: [{ name: "Produktion", count: 1 }] });
  });
});
