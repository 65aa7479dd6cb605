import { describe, expect, it } from "vitest";
import { generate, staleOutputs } from "../../../scripts/api-client.js";

// The same check as `npm run api:check` (CI): the committed document and types are what the routes give now.
describe("the generated API client", () => {
  it("is up to date with the routes (else: npm run api:generate)", async () => {
    const outputs = await generate();
    expect(outputs.map((o) => o.file.replace(/.*packages\/api-client\//, ""))).toEqual(["generated/openapi.json", "generated/schema.d.ts"]);
    expect(staleOutputs(outputs).map((o) => o.file)).toEqual([]);

    // A route changed after the last generation: the check names the file that no longer matches.
    const edited = (file: string) =>
      file.endsWith("schema.d.ts") ? outputs[1]!.text.replace("/api/engagements/{id}", "/api/engagement/{id}") : outputs[0]!.text;
    expect(staleOutputs(outputs, edited).map((o) => o.file.replace(/.*\//, ""))).toEqual(["schema.d.ts"]);
    expect(staleOutputs(outputs, () => null)).toHaveLength(2);
  }, 120_000);
});
