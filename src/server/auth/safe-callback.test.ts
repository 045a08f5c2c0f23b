import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback";

const ORIGIN = "http://localhost:3000";

describe("safeCallbackPath", () => {
  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeCallbackPath("/helix-therapeutics/vendors?q=lyo#top", ORIGIN)).toBe(
      "/helix-therapeutics/vendors?q=lyo#top",
    );
    expect(safeCallbackPath("/", ORIGIN)).toBe("/");
    expect(safeCallbackPath(`${ORIGIN}/account`, ORIGIN)).toBe("/account");
    expect(safeCallbackPath(["/orgs/new", "//evil.example"], ORIGIN)).toBe("/orgs/new");
  });

  // Each of these, pushed to the router or used as a Location, would leave the site.
  const bypasses = [
    "/\t/127.0.0.1:3999/pwned", // the reported one: browsers strip the tab, leaving //host
    decodeURIComponent("%2F%09%2F127.0.0.1%3A3999%2Fpwned"),
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    "//evil.example",
    "//evil.example/path",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/.//evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://evil.example/",
    "http://localhost:3999/",
    "https://localhost:3000/",
    "http://localhost:3000@evil.example/",
    "http://user:pass@localhost:3000/x",
  ];
  it.each(bypasses)("refuses %j", (raw) => {
    const out = safeCallbackPath(raw, ORIGIN);
    expect(out).toBe("/");
  });

  // Encoded forms stay encoded: as a path they name a page on this site.
  it.each(["/%2F%2Fevil.example", "/%5Cevil.example", "/%2F%5Cevil.example", "/%09/evil.example"])(
    "keeps %j on this origin",
    (raw) => {
      const out = safeCallbackPath(raw, ORIGIN);
      expect(new URL(out, ORIGIN).origin).toBe(ORIGIN);
      expect(out.startsWith("//")).toBe(false);
    },
  );

  it("never returns something a browser resolves to another origin", () => {
    for (const raw of [...bypasses, "/%2F%2Fevil.example", "%2F%2Fevil.example", "/x/../..//evil.example"]) {
      const out = safeCallbackPath(raw, ORIGIN);
      // What the browser does with a pushed URL: strip tab/newline, then resolve.
      const browserView = new URL(out.replace(/[\t\n\r]/g, ""), ORIGIN);
      expect(browserView.origin, raw).toBe(ORIGIN);
    }
  });

  it("uses the fallback for empty or unparsable input", () => {
    expect(safeCallbackPath(undefined, ORIGIN, "/home")).toBe("/home");
    expect(safeCallbackPath("", ORIGIN, "/home")).toBe("/home");
    expect(safeCallbackPath("/x", "not a url", "/home")).toBe("/home");
  });
});
