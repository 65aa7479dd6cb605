import { describe, expect, it } from "vitest";
import type { FilterValues } from "./api/types";
import { EMPTY_FILTERS, searchFromParams, searchToParams } from "./filter-params";

const EMPTY = EMPTY_FILTERS;

const fromQuery = (query: string) => searchFromParams(new URLSearchParams(query));

describe("marketplace search in the URL", () => {
  it("starts with no filter set: no text, no price", () => {
    for (const [key, value] of Object.entries(EMPTY)) expect(value, key).toBe(key.startsWith("price") ? null : "");
  });

  it("keeps empty filters and the first page out of the URL", () => {
    expect(searchToParams(EMPTY, undefined).toString()).toBe("");
    expect(fromQuery("")).toEqual({ filters: EMPTY, cursor: undefined });
  });

  it("survives a round trip through the URL: Back, reload and shared links show the same search", () => {
    const filters: FilterValues = {
      q: "Rücken & Nacken",
      category: "movement",
      certification: "§ 20 SGB V",
      deliveryMode: "on_site",
      priceMin: 0,
      priceMax: 1500,
      phase: "3",
      region: "Nordrhein-Westfalen",
    };
    const query = searchToParams(filters, "eyJrIjpbIlkiXX0").toString();
    expect(fromQuery(query)).toEqual({ filters, cursor: "eyJrIjpbIlkiXX0" });
  });

  it("writes only what is set, with whole-euro prices", () => {
    const params = searchToParams({ ...EMPTY, q: "Yoga", priceMax: 250 }, "abc");
    expect([...params.entries()]).toEqual([
      ["q", "Yoga"],
      ["priceMax", "250"],
      ["cursor", "abc"],
    ]);
  });

  it("keeps a price of 0 €: it is a filter, not an empty one", () => {
    expect(searchToParams({ ...EMPTY, priceMin: 0 }, undefined).toString()).toBe("priceMin=0");
    expect(fromQuery("priceMin=0").filters.priceMin).toBe(0);
  });

  it("ignores prices that are not whole, non-negative euro amounts", () => {
    for (const bad of ["abc", "-5", "12.5", "1e400", " ", "1,5"]) {
      expect(fromQuery(`priceMin=${encodeURIComponent(bad)}`).filters.priceMin, bad).toBeNull();
    }
    expect(fromQuery("priceMax=%2012%20").filters.priceMax).toBe(12);
  });

  it("starts at the first page for an empty cursor; an old page number is ignored", () => {
    expect(fromQuery("cursor=").cursor).toBeUndefined();
    expect(fromQuery("page=7")).toEqual({ filters: EMPTY, cursor: undefined });
  });

  it("ignores parameters it does not know", () => {
    expect(fromQuery("utm_source=newsletter&q=Stress")).toEqual({ filters: { ...EMPTY, q: "Stress" }, cursor: undefined });
  });
});
