// The demo organisations and people created on first start. Fictional names throughout.
export const DEMO_PASSWORD = "demo-Cdmo-select-2026";

export const DEMO_ORGS = [
  { key: "sponsor", name: "Helix Therapeutics", kind: "SPONSOR" },
  { key: "cdmo", name: "Northbridge Biologics", kind: "CDMO" },
] as const;

export const DEMO_USERS = [
  { email: "olivia.owner@helix.example", name: "Olivia Marsh", org: "sponsor", role: "OWNER" },
  { email: "adam.admin@helix.example", name: "Adam Reyes", org: "sponsor", role: "ADMIN" },
  { email: "eva.evaluator@helix.example", name: "Eva Lindqvist", org: "sponsor", role: "EVALUATOR" },
  { email: "victor.viewer@helix.example", name: "Victor Osei", org: "sponsor", role: "VIEWER" },
  { email: "nora.owner@northbridge.example", name: "Nora Castellanos", org: "cdmo", role: "OWNER" },
  { email: "ravi.responder@northbridge.example", name: "Ravi Menon", org: "cdmo", role: "RESPONDER" },
] as const;

// People at other platform CDMOs (their organisations are created with the directory), who answer
// the demo programme's RFPs. `org` names the directory vendor by key; the RFP seed adds them.
export const DEMO_BIDDER_USERS = [
  { email: "hannah.bd@aldermoor.example", name: "Hannah Price", org: "aldermoor", role: "OWNER" },
  { email: "lukas.bd@graz-biologics.example", name: "Lukas Berger", org: "graz", role: "OWNER" },
  { email: "minji.bd@incheon-biologix.example", name: "Min-ji Park", org: "incheon", role: "OWNER" },
  { email: "ana.bd@paulista-bio.example", name: "Ana Ribeiro", org: "paulista", role: "OWNER" },
  { email: "owen.bd@kestrel-fill.example", name: "Owen Gallagher", org: "kestrel", role: "OWNER" },
  { email: "grace.bd@cascadia-analytics.example", name: "Grace Whitford", org: "cascadia", role: "OWNER" },
] as const;

/** The directory vendor (and so the CDMO organisation) of each bidder's `org` key. */
export const BIDDER_VENDORS: Record<(typeof DEMO_BIDDER_USERS)[number]["org"], string> = {
  aldermoor: "Aldermoor Biologics",
  graz: "Graz Biologics",
  incheon: "Incheon BioLogix",
  paulista: "Paulista Biotecnologia",
  kestrel: "Kestrel Fill-Finish",
  cascadia: "Cascadia Analytics",
};
