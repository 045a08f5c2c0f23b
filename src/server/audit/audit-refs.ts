import { userNames } from "../db/globals";
import type { TenantDb } from "../db/tenant";

// Names and links for the records an audit page mentions: each entry's record, and ids inside
// its changes (userId, vendorId ...). One page costs a fixed number of queries, whatever its
// length: the ids are gathered first, then each kind is read once with `id IN (...)` (a first
// round for the records, a second for what they point at: a site's vendor, a scorecard's RFP).
// Every read goes through the tenant client, so a name is shown only for what this
// organisation may read; anything else (a deleted note, another tenant's row) stays an id.

export type RecordRef = { label: string; href: string | null };
export type RefOrg = { slug: string; kind: "SPONSOR" | "CDMO"; name: string };

/** The kind of record an id inside `changes` refers to, by field name. */
export const REFERENCE_FIELDS: Record<string, string> = {
  userId: "User",
  vendorId: "Vendor",
  linkedVendorId: "Vendor",
  platformVendorId: "Vendor",
  programmeId: "Programme",
  rfpId: "Rfp",
  scenarioId: "PortfolioScenario",
  mentions: "User",
};

const key = (type: string, id: string) => `${type}:${id}`;

/** Ids to resolve, by record type. */
export class RefRequest {
  readonly ids = new Map<string, Set<string>>();
  add(type: string, id: unknown) {
    if (typeof id !== "string" || !id) return;
    let set = this.ids.get(type);
    if (!set) this.ids.set(type, (set = new Set()));
    set.add(id);
  }
  of(type: string): string[] {
    return [...(this.ids.get(type) ?? [])];
  }
}

type Pointer = { id: string; vendorId?: string; rfpId?: string; programmeId?: string; text?: string | null };

/** First round: the rows named directly, with what they point at. */
async function firstRound(db: TenantDb, req: RefRequest) {
  const ids = (t: string) => ({ where: { id: { in: req.of(t) } } });
  const when = async <T>(type: string | string[], read: () => Promise<T[]>): Promise<T[]> =>
    [type].flat().some((t) => req.of(t).length) ? read() : [];
  const [sites, vendorChildren, scorecards, scenarios, decisions, rfpChildren, files, members, invites, imports] =
    await Promise.all([
      when("VendorSite", () =>
        db.vendorSite.findMany({ ...ids("VendorSite"), select: { id: true, vendorId: true, name: true, city: true } }),
      ),
      when(["VendorNote", "Inspection", "WarningLetter", "Recall"], async () => {
        const sel = { select: { id: true, vendorId: true } } as const;
        const [a, b, c, d] = await Promise.all([
          req.of("VendorNote").length ? db.vendorNote.findMany({ ...ids("VendorNote"), ...sel }) : [],
          req.of("Inspection").length ? db.inspection.findMany({ ...ids("Inspection"), ...sel }) : [],
          req.of("WarningLetter").length ? db.warningLetter.findMany({ ...ids("WarningLetter"), ...sel }) : [],
          req.of("Recall").length ? db.recall.findMany({ ...ids("Recall"), ...sel }) : [],
        ]);
        return [...a, ...b, ...c, ...d];
      }),
      when("Scorecard", () => db.scorecard.findMany({ ...ids("Scorecard"), select: { id: true, rfpId: true } })),
      when("PortfolioScenario", () =>
        db.portfolioScenario.findMany({
          ...ids("PortfolioScenario"),
          select: { id: true, name: true, programmeId: true },
        }),
      ),
      when("PortfolioDecision", () =>
        db.portfolioDecision.findMany({ ...ids("PortfolioDecision"), select: { id: true, programmeId: true } }),
      ),
      when(["RfpInvitation", "RfpParticipation", "RfpResponse", "Clarification", "ClarificationAnswer"], async () => {
        const [a, b, c, d, e] = await Promise.all([
          req.of("RfpInvitation").length
            ? db.rfpInvitation.findMany({
                ...ids("RfpInvitation"),
                select: { id: true, rfpId: true, displayName: true },
              })
            : [],
          req.of("RfpParticipation").length
            ? db.rfpParticipation.findMany({ ...ids("RfpParticipation"), select: { id: true, rfpId: true } })
            : [],
          req.of("RfpResponse").length
            ? db.rfpResponse.findMany({ ...ids("RfpResponse"), select: { id: true, rfpId: true } })
            : [],
          req.of("Clarification").length
            ? db.clarification.findMany({ ...ids("Clarification"), select: { id: true, rfpId: true } })
            : [],
          req.of("ClarificationAnswer").length
            ? db.clarificationAnswer.findMany({ ...ids("ClarificationAnswer"), select: { id: true, rfpId: true } })
            : [],
        ]);
        return [...a.map((r) => ({ ...r, text: r.displayName })), ...b, ...c, ...d, ...e] as Pointer[];
      }),
      when("StoredFile", () =>
        db.storedFile.findMany({ ...ids("StoredFile"), select: { id: true, rfpId: true, fileName: true } }),
      ),
      when("Membership", () => db.membership.findMany({ ...ids("Membership"), select: { id: true, userId: true } })),
      when("Invitation", () => db.invitation.findMany({ ...ids("Invitation"), select: { id: true, email: true } })),
      when("ImportRun", () => db.importRun.findMany({ ...ids("ImportRun"), select: { id: true, fileName: true } })),
    ]);
  return { sites, vendorChildren, scorecards, scenarios, decisions, rfpChildren, files, members, invites, imports };
}

/**
 * Resolves every id in `req` to a label and, where the product has a page for it, a link.
 * Returns a lookup by (type, id); ids it cannot resolve are absent.
 */
export async function resolveRefs(db: TenantDb, org: RefOrg, req: RefRequest) {
  const first = await firstRound(db, req);
  // Second round: the vendors, RFPs, programmes and people the first round pointed at.
  for (const r of [...first.sites, ...first.vendorChildren]) req.add("Vendor", r.vendorId);
  for (const r of [...first.scorecards, ...first.rfpChildren, ...first.files]) req.add("Rfp", r.rfpId);
  for (const r of [...first.scenarios, ...first.decisions]) req.add("Programme", r.programmeId);
  for (const r of first.members) req.add("User", r.userId);
  for (const id of req.of("Shortlist")) req.add("Programme", id);
  const [vendors, rfps, programmes, users] = await Promise.all([
    req.of("Vendor").length
      ? db.vendor.findMany({ where: { id: { in: req.of("Vendor") } }, select: { id: true, name: true } })
      : [],
    req.of("Rfp").length
      ? db.rfp.findMany({ where: { id: { in: req.of("Rfp") } }, select: { id: true, title: true } })
      : [],
    req.of("Programme").length
      ? db.programme.findMany({ where: { id: { in: req.of("Programme") } }, select: { id: true, name: true } })
      : [],
    userNames(db, req.of("User")),
  ]);

  const base = `/${org.slug}`;
  const out = new Map<string, RecordRef>();
  const set = (type: string, id: string, label: string | null | undefined, href: string | null) => {
    if (label) out.set(key(type, id), { label, href });
  };
  const vendorName = new Map(vendors.map((v) => [v.id, v.name]));
  const rfpTitle = new Map(rfps.map((r) => [r.id, r.title]));
  const programmeName = new Map(programmes.map((p) => [p.id, p.name]));
  const vendorHref = (id: string) => `${base}/vendors/${id}`;
  // A CDMO reads an RFP in its inbox; the sponsor on the RFP's own page.
  const rfpHref = (id: string) => (org.kind === "CDMO" ? `${base}/inbox/${id}` : `${base}/rfps/${id}`);

  for (const [id, name] of vendorName) set("Vendor", id, name, vendorHref(id));
  for (const [id, title] of rfpTitle) set("Rfp", id, title, rfpHref(id));
  for (const [id, name] of programmeName) {
    set("Programme", id, name, `${base}/programmes/${id}`);
    set("Shortlist", id, `${name} shortlist`, `${base}/programmes/${id}/shortlist`);
  }
  for (const [id, name] of users) set("User", id, name, null);
  for (const s of first.sites) {
    const v = vendorName.get(s.vendorId);
    set("VendorSite", s.id, v ? `${v}, ${s.name || s.city}` : s.name || s.city, vendorHref(s.vendorId));
  }
  for (const c of first.vendorChildren)
    for (const type of ["VendorNote", "Inspection", "WarningLetter", "Recall"])
      if (req.ids.get(type)?.has(c.id)) set(type, c.id, vendorName.get(c.vendorId), vendorHref(c.vendorId));
  for (const s of first.scorecards) set("Scorecard", s.id, rfpTitle.get(s.rfpId), `${base}/rfps/${s.rfpId}/evaluation`);
  for (const r of first.rfpChildren) {
    const title = rfpTitle.get(r.rfpId!);
    for (const type of ["RfpInvitation", "RfpParticipation", "RfpResponse", "Clarification", "ClarificationAnswer"])
      if (req.ids.get(type)?.has(r.id))
        set(type, r.id, r.text && title ? `${r.text}, ${title}` : (title ?? r.text), rfpHref(r.rfpId!));
  }
  for (const f of first.files) set("StoredFile", f.id, f.fileName, rfpHref(f.rfpId));
  for (const s of first.scenarios)
    set("PortfolioScenario", s.id, s.name, `${base}/programmes/${s.programmeId}/portfolios`);
  for (const d of first.decisions) {
    const name = programmeName.get(d.programmeId);
    set("PortfolioDecision", d.id, name && `Decision for ${name}`, `${base}/programmes/${d.programmeId}/portfolios`);
  }
  for (const m of first.members) set("Membership", m.id, users.get(m.userId), `${base}/members`);
  for (const i of first.invites) set("Invitation", i.id, i.email, `${base}/members`);
  for (const i of first.imports) set("ImportRun", i.id, i.fileName, null);
  for (const id of req.of("Organization")) set("Organization", id, org.name, base);

  return (type: string, id: string): RecordRef | null => out.get(key(type, id)) ?? null;
}
