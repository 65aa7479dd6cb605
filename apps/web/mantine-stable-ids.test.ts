import { existsSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { afterAll, describe, expect, it } from "vitest";
import { mantineStableIds } from "./mantine-stable-ids";

const mantineUseId = fileURLToPath(new URL("../../node_modules/@mantine/hooks/esm/use-id/use-id.mjs", import.meta.url));
// Written next to this file, so that its `import "react"` resolves like the app's.
const replacementFile = fileURLToPath(new URL(`./.stable-use-id-${process.pid}.mjs`, import.meta.url));
afterAll(() => rmSync(replacementFile, { force: true }));

/** A component that asks for two generated ids and one given id, and writes them down. */
function Probe({ useId, ids }: { useId: (staticId?: string) => string; ids: string[] }) {
  ids.push(useId(), useId(), useId("given-id"));
  return null;
}

type Hooks = { load(id: string): string | null; buildEnd(this: { error(msg: string): never }, error?: Error): void };
const plugin = () => mantineStableIds() as unknown as Hooks;

describe("mantineStableIds (the build's stand-in for Mantine's useId)", () => {
  it("replaces the file Mantine's components import, and only that one", () => {
    expect(existsSync(mantineUseId)).toBe(true);
    const p = plugin();
    expect(p.load(mantineUseId)).toContain("export function useId");
    expect(p.load(fileURLToPath(new URL("../../node_modules/@mantine/hooks/esm/index.mjs", import.meta.url)))).toBeNull();
  });

  it("gives React's stable id with Mantine's prefix, no state and no effect (so no second render on mount)", async () => {
    const code = plugin().load(mantineUseId) as string;
    expect(code).not.toMatch(/useState|useEffect|useLayoutEffect|useIsomorphicEffect/);
    writeFileSync(replacementFile, code);
    const { useId } = (await import(pathToFileURL(replacementFile).href)) as { useId: (staticId?: string) => string };
    const ids: string[] = [];
    renderToString(createElement("div", null, createElement(Probe, { useId, ids }), createElement(Probe, { useId, ids })));
    const generated = ids.filter((id) => id !== "given-id");
    expect(generated).toHaveLength(4);
    expect(new Set(generated).size).toBe(4);
    // A valid id and CSS selector: Mantine uses ids in aria attributes and in selectors of its inline styles.
    for (const id of generated) expect(id).toMatch(/^mantine-[A-Za-z0-9_-]+$/);
    expect(ids.filter((id) => id === "given-id")).toHaveLength(2);
  });

  it("fails the build when a Mantine release moves the file (the double render would come back silently)", () => {
    const errors: string[] = [];
    const context = {
      error(msg: string): never {
        errors.push(msg);
        throw new Error(msg);
      },
    };
    expect(() => plugin().buildEnd.call(context)).toThrow(/was not in the build/);
    const used = plugin();
    used.load(mantineUseId);
    expect(() => used.buildEnd.call(context)).not.toThrow();
    // A build that failed for another reason reports that reason, not this one.
    expect(() => plugin().buildEnd.call(context, new Error("other"))).not.toThrow();
  });
});
