import { afterEach, describe, expect, it, vi } from "vitest";
import { apiRequest } from "../lib/api-client";
import { DASHBOARD_QUERIES, firstQueriesFor, startFirstQueries } from "./first-queries";

/** Answers every request with `{ path }` and records the paths asked for. */
function stubFetch() {
  const asked: string[] = [];
  vi.stubGlobal("fetch", async (url: string) => {
    asked.push(url);
    return new Response(JSON.stringify({ path: url }), { headers: { "Content-Type": "application/json" } });
  });
  return asked;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

// That the keys and paths are the project feature's own: features/project/api/first-queries.test.ts.
describe("the dashboard's first queries", () => {
  it("are started only for a manager on the start page", () => {
    expect(firstQueriesFor("manager", "/")).toBe(DASHBOARD_QUERIES);
    expect(firstQueriesFor("manager", "/phases/2")).toEqual([]);
    expect(firstQueriesFor("employee", "/")).toEqual([]);
    expect(firstQueriesFor("partner", "/")).toEqual([]);
    expect(firstQueriesFor(null, "/")).toEqual([]);
  });

  it("start with the session's answer, and the page's own request of each path gets that answer", async () => {
    const asked = stubFetch();
    const started = await startFirstQueries(Promise.resolve("manager"), () => "/");
    expect(started).toBe(DASHBOARD_QUERIES);
    expect(asked).toEqual(["/api/todos", "/api/project", "/api/kpis"]);
    for (const { path } of DASHBOARD_QUERIES) expect(await apiRequest(path)).toEqual({ path });
    expect(asked).toHaveLength(3);
  });

  it("ask nothing without a session, or when the session request failed", async () => {
    const asked = stubFetch();
    expect(await startFirstQueries(Promise.resolve(null), () => "/")).toEqual([]);
    expect(await startFirstQueries(Promise.reject(new Error("offline")), () => "/")).toEqual([]);
    expect(asked).toEqual([]);
  });
});
