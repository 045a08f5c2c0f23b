// One colour per vendor across every chart of the page (the order of the problem's vendors), chosen
// to stay distinguishable and to keep white text readable on each.
const COLOURS = [
  "#1d4ed8",
  "#b45309",
  "#047857",
  "#7c3aed",
  "#be123c",
  "#0e7490",
  "#4d7c0f",
  "#a21caf",
  "#c2410c",
  "#334155",
];
export const TRANSFER = "#94a3b8";
export const ONBOARDING = "#cbd5e1";

export function vendorColours(ids: string[]): Map<string, string> {
  return new Map(ids.map((id, i) => [id, COLOURS[i % COLOURS.length]!]));
}
