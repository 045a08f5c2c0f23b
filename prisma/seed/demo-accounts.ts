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
