import { describe, expect, it } from "vitest";
import { logUrl } from "./log-url.js";

describe("logUrl", () => {
  it("drops query strings and the join link's token, and keeps every other path", () => {
    expect(logUrl("/api/employees?q=J%C3%BCrgen")).toBe("/api/employees");
    expect(logUrl("/login/link?token=abc.def")).toBe("/login/link");
    expect(logUrl("/join/Us5zFkl0abcdefghijklmnopqrstuvwxyz0123456")).toBe("/join/…");
    expect(logUrl("/api/join/Us5zFkl0abcdefghijklmnopqrstuvwxyz0123456")).toBe("/api/join/…");
    expect(logUrl("/api/join/Us5zFkl0abcdefghijklmnopqrstuvwxyz0123456/sign-in-link")).toBe("/api/join/…/sign-in-link");
    expect(logUrl("/api/join/sign-in")).toBe("/api/join/sign-in");
    expect(logUrl("/api/organization/join-link")).toBe("/api/organization/join-link");
    expect(logUrl(undefined)).toBeUndefined();
  });
});
