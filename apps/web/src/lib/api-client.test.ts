import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiIssues, apiRequest, EARLY_GET_TTL_MS, fileNameFromDisposition, isApiError, startEarlyGets } from "./api-client";
import { createWebApiClient, unwrap } from "./typed-api";

describe("fileNameFromDisposition", () => {
  it("takes the quoted name the API sends for its exports", () => {
    expect(fileNameFromDisposition('attachment; filename="kassenbericht-2026-01-01-2026-12-31.csv"', "x.csv")).toBe(
      "kassenbericht-2026-01-01-2026-12-31.csv",
    );
  });

  it("prefers the UTF-8 name (umlauts) over the plain one", () => {
    expect(fileNameFromDisposition("attachment; filename=\"bericht.pdf\"; filename*=UTF-8''Bericht%20M%C3%BCller.pdf", "x.pdf")).toBe(
      "Bericht Müller.pdf",
    );
  });

  it("reads an unquoted name", () => {
    expect(fileNameFromDisposition("attachment; filename=report.xlsx", "x.xlsx")).toBe("report.xlsx");
  });

  it("falls back when the header is missing, empty or names no file", () => {
    expect(fileNameFromDisposition(null, "fallback.csv")).toBe("fallback.csv");
    expect(fileNameFromDisposition("attachment", "fallback.csv")).toBe("fallback.csv");
    expect(fileNameFromDisposition('attachment; filename=""', "fallback.csv")).toBe("fallback.csv");
  });

  it("never lets a name point into another folder", () => {
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"', "x")).toBe("....etcpasswd");
  });
});

describe("the typed client (api + unwrap)", () => {
  const client = createWebApiClient("http://bgm.test");
  let requests: Request[] = [];
  function answer(status: number, body: string | null, type = "application/json") {
    requests = [];
    vi.stubGlobal("fetch", async (request: Request) => {
      requests.push(request);
      return new Response(body, { status, headers: body === null ? {} : { "Content-Type": type } });
    });
  }
  afterEach(() => vi.unstubAllGlobals());

  it("answers the body of a success, sends the session cookie, and the CSRF header only on writes", async () => {
    answer(200, JSON.stringify({ items: [], nextCursor: null }));
    await expect(unwrap(client.GET("/api/engagements", { params: { query: { status: undefined, limit: 5 } } }))).resolves.toEqual({
      items: [],
      nextCursor: null,
    });
    expect(requests[0]?.url).toBe("http://bgm.test/api/engagements?limit=5");
    expect(requests[0]?.credentials).toBe("same-origin");
    expect(requests[0]?.headers.get("X-Requested-With")).toBeNull();

    answer(204, null);
    await expect(unwrap(client.POST("/api/data-grants/{id}/revoke", { params: { path: { id: "a/b" } } }))).resolves.toBeUndefined();
    expect(requests[0]?.url).toBe("http://bgm.test/api/data-grants/a%2Fb/revoke");
    expect(requests[0]?.headers.get("X-Requested-With")).toBe("bgm-hub");
  });

  it("maps the API's error shape to an ApiError with code, message and details", async () => {
    const details = { issues: [{ path: ["title"], message: "Required" }] };
    answer(400, JSON.stringify({ error: { code: "validation_failed", message: "Invalid input", details } }));
    const err = await unwrap(client.GET("/api/engagements/{id}", { params: { path: { id: "x" } } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, code: "validation_failed", message: "Invalid input", details });
    expect(apiIssues(err)).toEqual([{ path: ["title"], message: "Required", issue: undefined, values: undefined }]);
  });

  it("maps better-auth's flat { code, message } and a body that is not JSON", async () => {
    answer(401, JSON.stringify({ code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" }));
    await expect(unwrap(client.GET("/api/provider/profile"))).rejects.toMatchObject({ status: 401, code: "INVALID_EMAIL_OR_PASSWORD" });

    answer(502, "<html>Bad Gateway</html>", "text/html");
    const err = await unwrap(client.GET("/api/provider/profile")).catch((e: unknown) => e);
    expect(isApiError(err, 502)).toBe(true);
    expect(err).toMatchObject({ code: "error" });
  });
});

describe("early GETs (startEarlyGets)", () => {
  let asked: string[] = [];
  beforeEach(() => {
    asked = [];
    let n = 0;
    vi.stubGlobal("fetch", async (url: string) => {
      asked.push(url);
      n++;
      return new Response(JSON.stringify({ n }), { headers: { "Content-Type": "application/json" } });
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("hands the answer to the next plain GET of the path, once", async () => {
    startEarlyGets(["/api/early-a"]);
    expect(asked).toEqual(["/api/early-a"]);
    expect(await apiRequest("/api/early-a")).toEqual({ n: 1 });
    expect(await apiRequest("/api/early-a")).toEqual({ n: 2 });
    expect(asked).toEqual(["/api/early-a", "/api/early-a"]);
  });

  it("is not handed to a request with a query, its own signal or headers, nor to another method", async () => {
    startEarlyGets(["/api/early-b"]);
    await apiRequest("/api/early-b", { query: { limit: 5 } });
    await apiRequest("/api/early-b", { signal: new AbortController().signal });
    await apiRequest("/api/early-b", { headers: { Accept: "text/csv" } });
    await apiRequest("/api/early-b", { method: "POST", json: {} });
    expect(asked).toHaveLength(5);
    expect(await apiRequest("/api/early-b")).toEqual({ n: 1 });
  });

  it("hands on a refusal as the error of the request that takes it", async () => {
    vi.stubGlobal(
      "fetch",
      async () =>
        new Response(JSON.stringify({ error: { code: "forbidden", message: "no" } }), {
          status: 403,
          headers: { "Content-Type": "application/json" },
        }),
    );
    startEarlyGets(["/api/early-c"]);
    await expect(apiRequest("/api/early-c")).rejects.toMatchObject({ status: 403, code: "forbidden" });
  });

  it("drops an answer nobody took in time: a later visit asks afresh", async () => {
    vi.useFakeTimers();
    startEarlyGets(["/api/early-d"]);
    vi.setSystemTime(Date.now() + EARLY_GET_TTL_MS + 1);
    expect(await apiRequest("/api/early-d")).toEqual({ n: 2 });
    expect(asked).toHaveLength(2);
  });
});
