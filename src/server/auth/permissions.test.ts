import { describe, expect, it } from "vitest";
import { CDMO_ROLES, SPONSOR_ROLES } from "../api/roles";
import {
  assignableRoles,
  can,
  PERMISSION_NAMES,
  refusal,
  type Grantee,
  type OrgKind,
  type Permission,
} from "./permissions";

// The whole table written out by hand, one row per permission: S = sponsor roles, C = CDMO
// roles that hold it (O owner, A admin, E evaluator, V viewer, R responder, X operator).
// Changing permissions.ts without changing this (or the other way round) fails below.
const EXPECTED: Record<Permission, { S: string; C: string }> = {
  "org.read": { S: "OAEV", C: "OAR" },
  "org.export": { S: "OA", C: "OA" },
  "overview.read": { S: "OAEV", C: "OAR" },
  "members.read": { S: "OAEV", C: "OAR" },
  "members.invite": { S: "OA", C: "OA" },
  "members.changeRole": { S: "OA", C: "OA" },
  "members.remove": { S: "OA", C: "OA" },
  "members.manageOwners": { S: "O", C: "O" },
  "audit.read": { S: "OA", C: "OA" },
  "vendor.read": { S: "OAEV", C: "OAR" },
  "vendor.write": { S: "OAE", C: "OA" },
  "vendor.createPrivate": { S: "OAE", C: "" },
  "vendor.import": { S: "OAEX", C: "" },
  "fda.load": { S: "", C: "X" },
  "directory.read": { S: "OAEV", C: "" },
  "directory.saveFilter": { S: "OAEV", C: "" },
  "notes.write": { S: "OAE", C: "" },
  "notes.removeAny": { S: "OA", C: "" },
  "profile.read": { S: "", C: "OAR" },
  "profile.write": { S: "", C: "OA" },
  "rfp.write": { S: "OAE", C: "" },
  "rfp.read": { S: "OAEV", C: "" },
  "rfp.openBids": { S: "OAE", C: "" },
  "portal.read": { S: "", C: "OAR" },
  "response.write": { S: "", C: "OAR" },
  "responses.read": { S: "OAEV", C: "" },
  "programme.read": { S: "OAEV", C: "" },
  "programme.write": { S: "OAE", C: "" },
  "rfp.manage": { S: "OA", C: "" },
  "response.submit": { S: "", C: "OAR" },
  "file.read": { S: "OAEV", C: "OAR" },
  "file.write": { S: "OAE", C: "OAR" },
  "clarification.answer": { S: "OAE", C: "" },
  "clarification.ask": { S: "", C: "OAR" },
  "evaluation.read": { S: "OAEV", C: "" },
  "evaluation.score": { S: "OAE", C: "" },
  "evaluation.manage": { S: "OA", C: "" },
  "shortlist.read": { S: "OAEV", C: "" },
  "shortlist.write": { S: "OAE", C: "" },
  "portfolio.read": { S: "OAEV", C: "" },
  "portfolio.write": { S: "OAE", C: "" },
  "decision.propose": { S: "OA", C: "" },
  "decision.sign": { S: "OAE", C: "" },
};

const LETTER: Record<Grantee, string> = {
  OWNER: "O",
  ADMIN: "A",
  EVALUATOR: "E",
  VIEWER: "V",
  RESPONDER: "R",
  OPERATOR: "X",
};
const GRANTEES = Object.keys(LETTER) as Grantee[];
const KINDS: { kind: OrgKind; key: "S" | "C" }[] = [
  { kind: "SPONSOR", key: "S" },
  { kind: "CDMO", key: "C" },
];

describe("permissions", () => {
  it("lists exactly the permissions of the expected table", () => {
    expect([...PERMISSION_NAMES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const permission of Object.keys(EXPECTED) as Permission[]) {
    for (const { kind, key } of KINDS) {
      for (const role of GRANTEES) {
        const expected = EXPECTED[permission][key].includes(LETTER[role]);
        it(`${permission} / ${kind} / ${role}: ${expected ? "allowed" : "refused"}`, () => {
          expect(can({ kind, role }, permission)).toBe(expected);
        });
      }
    }
  }

  it("grants nothing to a role that does not exist in that kind of organisation", () => {
    for (const p of PERMISSION_NAMES) {
      expect(can({ kind: "CDMO", role: "EVALUATOR" }, p)).toBe(false);
      expect(can({ kind: "CDMO", role: "VIEWER" }, p)).toBe(false);
      expect(can({ kind: "SPONSOR", role: "RESPONDER" }, p)).toBe(false);
    }
  });

  it("says who may, or which kind of organisation may", () => {
    expect(refusal({ kind: "SPONSOR", role: "VIEWER" }, "audit.read")).toBe("This needs the owner or admin role.");
    expect(refusal({ kind: "SPONSOR", role: "VIEWER" }, "vendor.write")).toBe(
      "This needs the owner, admin or evaluator role.",
    );
    expect(refusal({ kind: "CDMO", role: "OWNER" }, "directory.read")).toBe(
      "This is only available to sponsor organisations.",
    );
    expect(refusal({ kind: "SPONSOR", role: "OWNER" }, "profile.write")).toBe(
      "This is only available to CDMO organisations.",
    );
  });

  it("lets only owners hand out the owner role", () => {
    expect(assignableRoles({ kind: "SPONSOR", role: "OWNER" })).toEqual([...SPONSOR_ROLES]);
    expect(assignableRoles({ kind: "SPONSOR", role: "ADMIN" })).toEqual(["ADMIN", "EVALUATOR", "VIEWER"]);
    expect(assignableRoles({ kind: "CDMO", role: "OWNER" })).toEqual([...CDMO_ROLES]);
    expect(assignableRoles({ kind: "CDMO", role: "ADMIN" })).toEqual(["ADMIN", "RESPONDER"]);
  });
});
