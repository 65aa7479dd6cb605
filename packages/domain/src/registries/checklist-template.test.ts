import { describe, expect, it } from "vitest";
import { taskStatusFromLedger } from "./checklist-template.js";

describe("taskStatusFromLedger", () => {
  it("a task without a ledger keeps its own status", () => {
    expect(taskStatusFromLedger("open", undefined)).toBe("open");
    expect(taskStatusFromLedger("in_progress", undefined)).toBe("in_progress");
    expect(taskStatusFromLedger("done", undefined)).toBe("done");
  });

  it("the ledger decides for a mirrored task, whatever the task's own column says", () => {
    expect(taskStatusFromLedger("done", { status: "open", started: false })).toBe("open");
    expect(taskStatusFromLedger("open", { status: "open", started: true })).toBe("in_progress");
    expect(taskStatusFromLedger("open", { status: "done", started: true })).toBe("done");
    // A requirement marked done without documented steps is still done.
    expect(taskStatusFromLedger("in_progress", { status: "done", started: false })).toBe("done");
  });
});
