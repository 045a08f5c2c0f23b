import { describe, expect, it } from "vitest";
import { scopeArgs, SHARED_READS } from "./tenant";

describe("scopeArgs", () => {
  it("adds the organisation to reads, updates and deletes", () => {
    expect(scopeArgs("findMany", { where: { role: "OWNER" } }, "o1")).toEqual({
      where: { role: "OWNER", organizationId: "o1" },
    });
    expect(scopeArgs("update", { where: { id: "m1" }, data: { role: "ADMIN" } }, "o1")).toEqual({
      where: { id: "m1", organizationId: "o1" },
      data: { role: "ADMIN" },
    });
    expect(scopeArgs("deleteMany", undefined, "o1")).toEqual({ where: { organizationId: "o1" } });
  });

  it("stamps the organisation on created rows and refuses another one", () => {
    expect(scopeArgs("create", { data: { name: "x" } }, "o1")).toEqual({ data: { name: "x", organizationId: "o1" } });
    expect(scopeArgs("createMany", { data: [{ a: 1 }, { a: 2 }] }, "o1")).toEqual({
      data: [
        { a: 1, organizationId: "o1" },
        { a: 2, organizationId: "o1" },
      ],
    });
    expect(() => scopeArgs("create", { data: { organizationId: "o2" } }, "o1")).toThrow(/another organisation/);
    expect(() => scopeArgs("update", { where: { id: "x" }, data: { organizationId: "o2" } }, "o1")).toThrow(
      /another organisation/,
    );
  });

  it("lets public-readable models read public rows but write only their own", () => {
    expect(scopeArgs("findMany", { where: { AND: [{ kind: "PLATFORM" }] } }, "o1", SHARED_READS.Vendor)).toEqual({
      where: { AND: [{ kind: "PLATFORM" }, { OR: [{ organizationId: "o1" }, { isPublic: true }] }] },
    });
    expect(scopeArgs("updateMany", { where: { id: "v" }, data: {} }, "o1", SHARED_READS.Vendor)).toEqual({
      where: { id: "v", organizationId: "o1" },
      data: {},
    });
  });

  it("lets an invited CDMO read a published RFP and the sponsor read only submitted responses", () => {
    expect(scopeArgs("findFirst", { where: { id: "r" } }, "cdmo", SHARED_READS.Rfp)).toEqual({
      where: {
        id: "r",
        AND: [
          {
            OR: [
              { organizationId: "cdmo" },
              {
                status: { not: "DRAFT" },
                invitations: { some: { vendorOrganizationId: "cdmo", sentAt: { not: null }, revokedAt: null } },
              },
            ],
          },
        ],
      },
    });
    expect(scopeArgs("findMany", {}, "sp", SHARED_READS.RfpResponse)).toEqual({
      where: { AND: [{ OR: [{ organizationId: "sp" }, { sponsorOrganizationId: "sp", submittedAt: { not: null } }] }] },
    });
    expect(scopeArgs("update", { where: { id: "x" }, data: { answers: {} } }, "sp", SHARED_READS.RfpResponse)).toEqual({
      where: { id: "x", organizationId: "sp" },
      data: { answers: {} },
    });
  });
});
