import ExcelJS from "exceljs";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, api, createTestApp, type TestApp } from "../../../test/helpers.js";
import { makeReportWorld, type ReportWorld } from "../../../test/participation-exports-fixtures.js";
import { pdfText } from "../../../test/pdf-text.js";

/**
 * Every route of the participation reports (and the company profile they read) for the six callers:
 * company A's manager, company B's manager, an uninvolved partner, the engagement's partner (Upfit), an
 * employee of A (e1, with certificates) and anonymous. Status codes and the agreed error body; B's answers
 * never carry A's data.
 */
let t: TestApp;
let w: ReportWorld;

// The world is made through the API (sign-ups, an engagement, a delivered result): slow on a busy machine.
beforeAll(async () => {
  t = await createTestApp();
  w = await makeReportWorld(t);
}, 240_000);
afterAll(() => t.close());

type Caller = "managerA" | "managerB" | "uninvolvedPartner" | "engagementPartner" | "employeeA" | "anonymous";
const callers = (): Record<Caller, Api> => ({
  managerA: w.manager.api,
  managerB: w.other.api,
  uninvolvedPartner: w.uninvolved.api,
  engagementPartner: w.partner.api,
  employeeA: w.employee1.api,
  anonymous: api(t.app),
});

interface Route {
  name: string;
  send: (as: Api) => Promise<LightMyRequestResponse>;
  expected: Record<Caller, number>;
}

const MANAGER_ONLY = { managerA: 200, managerB: 200, uninvolvedPartner: 403, engagementPartner: 403, employeeA: 403, anonymous: 401 };
const OWN_EMPLOYEE_ONLY = { managerA: 404, managerB: 404, uninvolvedPartner: 403, engagementPartner: 403, employeeA: 200, anonymous: 401 };

const routes = (): Route[] => [
  {
    name: "GET /api/participation/insurance-report",
    send: (as) => as.get("/api/participation/insurance-report?from=2025-01-01&to=2025-12-31"),
    expected: MANAGER_ONLY,
  },
  ...(["pdf", "csv", "xlsx"] as const).map((format) => ({
    name: `GET /api/participation/insurance-report/export (${format})`,
    send: (as: Api) => as.get(`/api/participation/insurance-report/export?format=${format}&from=2025-01-01&to=2025-12-31`),
    expected: MANAGER_ONLY,
  })),
  {
    name: "GET /api/participation/health-budget",
    send: (as) => as.get("/api/participation/health-budget?year=2025"),
    expected: MANAGER_ONLY,
  },
  { name: "GET /api/me/certificates", send: (as) => as.get("/api/me/certificates"), expected: OWN_EMPLOYEE_ONLY },
  {
    name: "GET /api/me/certificates/{id}/pdf",
    send: (as) => as.get(`/api/me/certificates/${w.ids.rueckenfit}/pdf`),
    expected: OWN_EMPLOYEE_ONLY,
  },
  { name: "GET /api/organization/profile", send: (as) => as.get("/api/organization/profile"), expected: MANAGER_ONLY },
  { name: "PUT /api/organization/profile", send: (as) => as.put("/api/organization/profile", { industry: "C" }), expected: MANAGER_ONLY },
];

/** What a reader sees in an answer: the text of a PDF, every cell of an XLSX, else the body. */
async function readable(res: LightMyRequestResponse): Promise<string> {
  const type = String(res.headers["content-type"] ?? "");
  if (res.statusCode !== 200) return res.body;
  if (type.startsWith("application/pdf")) return pdfText(res.rawPayload);
  if (type.includes("spreadsheetml")) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    for (const sheet of wb.worksheets) sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    return cells.join("\n");
  }
  return res.body;
}

/** Strings only company A's reports contain. */
const A_MARKERS = ["Muster Maschinenbau", "Rückenfit", "Stressbewältigung", "Nachname1", "KU-ZPP-2025"];

describe("participation reports: authorization matrix", () => {
  it("answers each caller with the right status, the agreed error body, and nothing of A for B", async () => {
    const failures: string[] = [];
    for (const route of routes()) {
      for (const [caller, as] of Object.entries(callers()) as [Caller, Api][]) {
        const res = await route.send(as);
        const want = route.expected[caller];
        if (res.statusCode !== want)
          failures.push(`${route.name} as ${caller}: ${res.statusCode}, want ${want} (${res.body.slice(0, 100)})`);
        if (res.statusCode >= 400) {
          const body = res.json() as { error?: { code?: unknown; message?: unknown } };
          const code = { 401: "unauthenticated", 403: "forbidden", 404: "not_found" }[res.statusCode];
          if (body.error?.code !== code || typeof body.error?.message !== "string") {
            failures.push(`${route.name} as ${caller}: error body ${res.body.slice(0, 100)}`);
          }
        }
        if (caller !== "managerA" && caller !== "employeeA") {
          const text = await readable(res);
          const leaked = A_MARKERS.filter((m) => text.includes(m));
          if (leaked.length) failures.push(`${route.name} as ${caller}: leaked ${leaked.join(", ")}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("B's own downloads are readable and about B", async () => {
    const pdf = await readable(
      await w.other.api.get("/api/participation/insurance-report/export?format=pdf&from=2025-01-01&to=2025-12-31"),
    );
    expect(pdf).toContain("Fremdfirma B AG");
    const xlsx = await readable(
      await w.other.api.get("/api/participation/insurance-report/export?format=xlsx&from=2025-01-01&to=2025-12-31"),
    );
    expect(xlsx).toContain("Fremdkurs B");
  });

  it("company B's profile change did not touch A's", async () => {
    await w.other.api.put("/api/organization/profile", { industry: "Q" });
    expect((await w.other.api.get("/api/organization/profile")).json()).toEqual({ industry: "Q" });
    expect((await w.manager.api.get("/api/organization/profile")).json()).toEqual({ industry: "C" });
    const bad = await w.manager.api.put("/api/organization/profile", { industry: "Z" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("validation_failed");
  });
});
