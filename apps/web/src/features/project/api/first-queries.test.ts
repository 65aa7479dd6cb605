import { afterEach, describe, expect, it, vi } from "vitest";
import { DASHBOARD_QUERIES } from "../../../app/first-queries";
import { getKpis } from "./get-kpis";
import { getProject } from "./get-project";
import { getTodos } from "./get-todos";
import { projectKeys } from "./query-keys";

afterEach(() => {
  vi.unstubAllGlobals();
});

// The entry requests the dashboard's data before this feature has loaded (app/first-queries.ts), under keys and
// paths written out there: they must be this feature's, or the page would ask a second time.
describe("the dashboard's early requests", () => {
  it("are the project feature's queries: same keys, same paths", async () => {
    const asked: string[] = [];
    vi.stubGlobal("fetch", async (url: string) => {
      asked.push(url);
      return new Response("{}", { headers: { "Content-Type": "application/json" } });
    });
    for (const fetcher of [getTodos, getProject, getKpis]) await fetcher();
    expect(DASHBOARD_QUERIES).toEqual([
      { queryKey: projectKeys.todos(), path: asked[0] },
      { queryKey: projectKeys.project(), path: asked[1] },
      { queryKey: projectKeys.kpis(), path: asked[2] },
    ]);
  });
});
