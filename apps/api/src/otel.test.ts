import { describe, expect, it } from "vitest";
import { attr, useTracedServer } from "../test/traced-server.js";
import { tracingRequested } from "./otel.js";

// The database's spans (a pg connection's parameterized statements): otel.pg.test.ts.
const server = useTracedServer();

describe("OpenTelemetry tracing (optional)", () => {
  it("is off unless an OTLP endpoint or a traces exporter is configured", () => {
    expect(tracingRequested({})).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: "otlp" })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: "none", OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" })).toBe(false);
  });

  it("exports request spans with the route name to the collector", () => {
    const spans = server.spans();
    const routes = spans.map((s) => attr(s, "http.route"));
    expect(routes, server.output()).toContain("/api/marketplace/offerings");
    // The HTTP server span is named by method and route (not by the raw URL), with the status code.
    const span = spans.find((s) => s.name === "GET /api/marketplace/offerings");
    expect(span && attr(span, "http.response.status_code")).toBe(401);
    expect(spans.some((s) => s.name === "handler - marketplaceRoutes")).toBe(true);
    expect(server.received[0]?.raw).toContain("bgm-hub-test");
  });

  it("records no personal data: no query string, no e-mail, no client address", () => {
    const all = server.received.map((r) => r.raw).join("\n");
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain("mustermann");
    expect(all).not.toContain("url.query");
    expect(all).not.toContain("client.address");
  });
});
