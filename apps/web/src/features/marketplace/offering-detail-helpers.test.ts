import { describe, expect, it } from "vitest";
import { offeringFormErrors } from "./offering-form-errors";
import { safeWebsite } from "./safe-website";

describe("the offering form's missing fields", () => {
  it("names a missing price and a missing title, and nothing when both are there", () => {
    expect(offeringFormErrors({ title: "Rückenschule", price: null })).toEqual({ price: "partner.priceRequired" });
    expect(offeringFormErrors({ title: "   ", price: 100 })).toEqual({ title: "partner.titleRequired" });
    expect(offeringFormErrors({ title: "", price: null })).toEqual({ title: "partner.titleRequired", price: "partner.priceRequired" });
    expect(offeringFormErrors({ title: "Rückenschule", price: 0 })).toEqual({});
    expect(offeringFormErrors({ title: "Rückenschule", price: Number.NaN })).toEqual({ price: "partner.priceRequired" });
  });
});

describe("a provider's website as a link", () => {
  it("links http and https addresses only", () => {
    expect(safeWebsite("https://bewegt.example")).toBe("https://bewegt.example/");
    expect(safeWebsite("http://bewegt.example/kontakt")).toBe("http://bewegt.example/kontakt");
    expect(safeWebsite("javascript:alert(1)")).toBeNull();
    expect(safeWebsite("data:text/html,hi")).toBeNull();
    expect(safeWebsite("bewegt.example")).toBeNull();
  });
});
