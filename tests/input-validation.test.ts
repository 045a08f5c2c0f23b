import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { callerFor } from "./helpers/actors";
import { makeTeam, profile, type TestOrg } from "./helpers/vendors";

// The malformed requests that answered 500 before (issue 7, finding 3): NUL bytes, lone
// surrogates, integers above int32, dates far outside any real record. Each must be a
// BAD_REQUEST whose message names the field, and write nothing.

let t: TestDb;
let s: TestOrg;
beforeAll(async () => {
  t = await createTestDb();
  s = await makeTeam("SPONSOR");
});
afterAll(async () => t?.drop());

async function refusal(p: Promise<unknown>): Promise<TRPCError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, "the call should have been refused").toBeInstanceOf(TRPCError);
  return e as TRPCError;
}

describe(`malformed input is a 400 naming the field (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("NUL bytes and lone surrogates in text", async () => {
    const api = callerFor(s.owner).vendors;
    const nul = await refusal(api.createPrivate({ orgSlug: s.slug, ...profile({ name: "Acme\u0000Bio" }) }));
    expect(nul.code).toBe("BAD_REQUEST");
    expect(nul.message).toBe("Name must not contain control characters.");
    const { id: vendorId } = await api.createPrivate({ orgSlug: s.slug, ...profile({ name: "Acme Bio" }) });
    const lone = await refusal(api.addNote({ orgSlug: s.slug, vendorId, body: "broken \ud800x" }));
    expect(lone.code).toBe("BAD_REQUEST");
    expect(lone.message).toMatch(/^Body contains a character that is not valid text/);
    const tag = await refusal(api.setTags({ orgSlug: s.slug, vendorId, expectedTags: [], tags: ["ok", "a\u0000b"] }));
    expect(tag.message).toBe("Tags (item 2) must not contain control characters.");
    const sign = await refusal(
      callerFor(null).account.signUp({
        name: "Eve\u0000",
        email: "eve@test.example",
        password: "bioreactor-harvest-window-7",
        organizationName: "Eve Bio",
        organizationKind: "SPONSOR",
      }),
    );
    expect(sign.message).toBe("Name must not contain control characters.");
    expect((await api.get({ orgSlug: s.slug, vendorId })).notes).toEqual([]);
  });

  it("integers beyond int32", async () => {
    const api = callerFor(s.owner).vendors;
    const { id: vendorId } = await api.createPrivate({ orgSlug: s.slug, ...profile({ name: "Int Bio" }) });
    const v = await refusal(api.update({ orgSlug: s.slug, vendorId, version: 2 ** 31, ...profile() }));
    expect(v.code).toBe("BAD_REQUEST");
    expect(v.message).toBe("Version must be 2,147,483,647 or less.");
    const { importId } = await api.importStart({
      orgSlug: s.slug,
      kind: "INSPECTIONS",
      fileName: "x.csv",
      totalRows: 1,
      header: [
        "FEI Number",
        "Legal Name",
        "City",
        "Country/Area",
        "Inspection End Date",
        "Classification",
        "Project Area",
      ],
    });
    const line = await refusal(
      api.importStage({ orgSlug: s.slug, importId, rows: [{ line: 2 ** 31, data: { "FEI Number": "3000000001" } }] }),
    );
    expect(line.code).toBe("BAD_REQUEST");
    expect(line.message).toMatch(/^Rows \(item 1\): Line must be [\d,]+ or less\.$/);
  });

  it("dates like year -271821", async () => {
    const audit = await refusal(
      callerFor(s.owner).audit.list({ orgSlug: s.slug, from: new Date(-8.64e15), to: new Date(8.64e15) }),
    );
    expect(audit.code).toBe("BAD_REQUEST");
    expect(audit.message).toBe("From: must be a date between 1900 and 2200. To: must be a date between 1900 and 2200.");
    const api = callerFor(s.owner).vendors;
    const { id: vendorId } = await api.createPrivate({ orgSlug: s.slug, ...profile({ name: "Date Bio" }) });
    const { id: siteId } = await api.saveSite({ orgSlug: s.slug, vendorId, site: { country: "US", city: "Boston" } });
    const insp = await refusal(
      api.addInspection({ orgSlug: s.slug, siteId, endDate: new Date(-8.64e15), classification: "OAI" }),
    );
    expect(insp.code).toBe("BAD_REQUEST");
    expect(insp.message).toBe("Inspection end date: must be a date between 1900 and 2200.");
  });
});

// Issue 11, point 3: what a person sees when a field is too long or a search is long.
describe(`messages are the product's words (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("a too-long field is a BAD_REQUEST naming the field and its limit", async () => {
    const api = callerFor(s.owner).vendors;
    const long = await refusal(api.createPrivate({ orgSlug: s.slug, ...profile({ name: "x".repeat(121) }) }));
    expect(long.code).toBe("BAD_REQUEST");
    expect(long.message).toBe("Name must be at most 120 characters.");
    const negative = await refusal(
      api.createPrivate({ orgSlug: s.slug, ...profile({ name: "Negative Bio", maxBioreactorLitres: -1 }) }),
    );
    expect(negative.code).toBe("BAD_REQUEST");
    expect(negative.message).toBe("Largest bioreactor (L) must be 0 or more.");
    for (const e of [long, negative]) expect(e.message).not.toMatch(/Too big|Too small|expected/);
  });

  it("a 300-character directory search is cut, not refused", async () => {
    const api = callerFor(s.owner).vendors;
    await api.createPrivate({ orgSlug: s.slug, ...profile({ name: "Searchable Bio" }) });
    const long = await api.directory({ orgSlug: s.slug, q: "Searchable Bio" + " x".repeat(143) });
    expect(long.items).toEqual([]);
    const tail = await api.directory({ orgSlug: s.slug, q: "Searchable" + " ".repeat(290) });
    expect(tail.items.map((v) => v.name)).toContain("Searchable Bio");
    const profiles = await api.platformProfiles({ orgSlug: s.slug, q: "y".repeat(300) });
    expect(profiles).toEqual([]);
  });
});
