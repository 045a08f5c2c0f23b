import { describe, expect, it } from "vitest";
import { ZDirectoryInput } from "@/server/vendors/schemas";
import {
  DEFAULT_STATE,
  activeFilterCount,
  parseState,
  savedQueryOf,
  stateFromSaved,
  toDirectoryInput,
  toSearchParams,
} from "./directory-params";

describe("directory URL state", () => {
  it("round-trips every filter through the URL, countries included", () => {
    const s = {
      ...DEFAULT_STATE,
      q: "kest",
      stages: ["DS_CLIN"],
      countries: ["DE", "IE"],
      qualityMin: "60",
      hasOpenWarningLetter: true,
      sort: "qualityScore" as const,
      dir: "desc" as const,
      page: 3,
    };
    const qs = toSearchParams(s);
    expect(qs.get("countries")).toBe("DE,IE");
    expect(parseState(qs)).toEqual(s);
    expect(activeFilterCount(s)).toBe(4);
  });

  it("drops unknown country codes from a hand-edited link instead of failing the search", () => {
    const s = parseState(new URLSearchParams("countries=DE,ZZ,,fr"));
    expect(s.countries).toEqual(["DE"]);
  });

  it("sends countries to the server in a shape its schema accepts", () => {
    const input = toDirectoryInput("helix", { ...DEFAULT_STATE, countries: ["US", "CH"] });
    expect(ZDirectoryInput.parse(input).countries).toEqual(["US", "CH"]);
    expect(toDirectoryInput("helix", DEFAULT_STATE).countries).toBeUndefined();
  });

  it("keeps countries in a saved filter and brings them back", () => {
    const s = { ...DEFAULT_STATE, countries: ["SG"], regions: ["APAC"] };
    expect(stateFromSaved(JSON.parse(JSON.stringify(savedQueryOf(s))))).toEqual(s);
  });
});
