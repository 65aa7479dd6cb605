// PostgreSQL only (*.pg.test.ts runs in the PostgreSQL tier, `npm run test:pg`; vitest.config.ts leaves it out of the
// PGlite run): the database spans come from the pg driver's instrumentation, and PGlite runs in process without
// it. The request spans and the absence of personal data are tested on both databases in otel.test.ts.
import { describe, expect, it } from "vitest";
import { attr, useTracedServer } from "../test/traced-server.js";

const server = useTracedServer();

describe("OpenTelemetry tracing on PostgreSQL", () => {
  it("traces the request's database queries as parameterized statements", () => {
    const db = server.spans().filter((s) => attr(s, "db.system") === "postgresql" || attr(s, "db.system.name") === "postgresql");
    expect(db.length, server.output()).toBeGreaterThan(0);
    const statements = db.map((s) => String(attr(s, "db.statement") ?? attr(s, "db.query.text") ?? ""));
    expect(statements.some((s) => s.includes("$1"))).toBe(true);
    // Parameters go as placeholders: the e-mail address of the sign-in is not in any statement.
    expect(server.received.map((r) => r.raw).join("\n")).not.toContain("mustermann");
  });
});
