// The vendor directory's controlled vocabulary: codes stored in the database and the labels
// the UI shows. Browser-safe (no imports): the filter panel and the forms use it as is.

export type CatalogEntry<C extends string = string> = { code: C; label: string };

export const STAGES = [
  { code: "CLD", label: "Cell line development" },
  { code: "PD", label: "Process development" },
  { code: "DS_CLIN", label: "Drug substance (clinical)" },
  { code: "DS_COMM", label: "Drug substance (commercial)" },
  { code: "DP_FORM", label: "Drug product formulation" },
  { code: "FILL", label: "Aseptic fill-finish" },
  { code: "LYO", label: "Lyophilisation" },
  { code: "QC", label: "Analytical / QC release" },
  { code: "PACK", label: "Packaging and labelling" },
  { code: "COLD", label: "Cold-chain logistics" },
] as const satisfies readonly CatalogEntry[];

export const MODALITIES = [
  { code: "MAB", label: "mAb" },
  { code: "BISPECIFIC", label: "Bispecific" },
  { code: "ADC", label: "ADC" },
  { code: "FUSION", label: "Fusion protein" },
  { code: "AAV", label: "AAV / gene therapy" },
  { code: "CELL", label: "Cell therapy" },
  { code: "MRNA", label: "mRNA-LNP" },
  { code: "PEPTIDE", label: "Peptide" },
  { code: "SMALL", label: "Small molecule" },
  { code: "HPAPI", label: "HPAPI" },
] as const satisfies readonly CatalogEntry[];

export const SCALE_TIERS = [
  { code: "PRECLINICAL", label: "Preclinical" },
  { code: "CLINICAL", label: "Clinical" },
  { code: "COMMERCIAL", label: "Commercial" },
] as const satisfies readonly CatalogEntry[];

export const REGIONS = [
  { code: "NA", label: "North America" },
  { code: "EU", label: "Europe" },
  { code: "UK", label: "United Kingdom" },
  { code: "APAC", label: "Asia-Pacific" },
  { code: "LATAM", label: "Latin America" },
  { code: "MEA", label: "Middle East & Africa" },
] as const satisfies readonly CatalogEntry[];

export type StageCode = (typeof STAGES)[number]["code"];
export type ModalityCode = (typeof MODALITIES)[number]["code"];
export type ScaleTierCode = (typeof SCALE_TIERS)[number]["code"];
export type RegionCode = (typeof REGIONS)[number]["code"];

export const STAGE_CODES = STAGES.map((s) => s.code) as [StageCode, ...StageCode[]];
export const MODALITY_CODES = MODALITIES.map((s) => s.code) as [ModalityCode, ...ModalityCode[]];
export const SCALE_TIER_CODES = SCALE_TIERS.map((s) => s.code) as [ScaleTierCode, ...ScaleTierCode[]];
export const REGION_CODES = REGIONS.map((s) => s.code) as [RegionCode, ...RegionCode[]];

/** ISO 3166-1 alpha-2 code -> [English name, region]. Countries outside the list have no region. */
export const COUNTRIES: Record<string, readonly [name: string, region: RegionCode]> = {
  US: ["United States", "NA"],
  CA: ["Canada", "NA"],
  MX: ["Mexico", "LATAM"],
  BR: ["Brazil", "LATAM"],
  AR: ["Argentina", "LATAM"],
  CL: ["Chile", "LATAM"],
  CO: ["Colombia", "LATAM"],
  PE: ["Peru", "LATAM"],
  CR: ["Costa Rica", "LATAM"],
  PR: ["Puerto Rico", "NA"],
  UY: ["Uruguay", "LATAM"],
  GB: ["United Kingdom", "UK"],
  IE: ["Ireland", "EU"],
  FR: ["France", "EU"],
  DE: ["Germany", "EU"],
  NL: ["Netherlands", "EU"],
  BE: ["Belgium", "EU"],
  LU: ["Luxembourg", "EU"],
  CH: ["Switzerland", "EU"],
  AT: ["Austria", "EU"],
  IT: ["Italy", "EU"],
  ES: ["Spain", "EU"],
  PT: ["Portugal", "EU"],
  DK: ["Denmark", "EU"],
  SE: ["Sweden", "EU"],
  NO: ["Norway", "EU"],
  FI: ["Finland", "EU"],
  IS: ["Iceland", "EU"],
  PL: ["Poland", "EU"],
  CZ: ["Czechia", "EU"],
  SK: ["Slovakia", "EU"],
  HU: ["Hungary", "EU"],
  SI: ["Slovenia", "EU"],
  HR: ["Croatia", "EU"],
  RO: ["Romania", "EU"],
  BG: ["Bulgaria", "EU"],
  GR: ["Greece", "EU"],
  MT: ["Malta", "EU"],
  CY: ["Cyprus", "EU"],
  LT: ["Lithuania", "EU"],
  LV: ["Latvia", "EU"],
  EE: ["Estonia", "EU"],
  RS: ["Serbia", "EU"],
  CN: ["China", "APAC"],
  JP: ["Japan", "APAC"],
  KR: ["South Korea", "APAC"],
  TW: ["Taiwan", "APAC"],
  HK: ["Hong Kong", "APAC"],
  SG: ["Singapore", "APAC"],
  IN: ["India", "APAC"],
  AU: ["Australia", "APAC"],
  NZ: ["New Zealand", "APAC"],
  MY: ["Malaysia", "APAC"],
  TH: ["Thailand", "APAC"],
  VN: ["Vietnam", "APAC"],
  ID: ["Indonesia", "APAC"],
  PH: ["Philippines", "APAC"],
  IL: ["Israel", "MEA"],
  AE: ["United Arab Emirates", "MEA"],
  SA: ["Saudi Arabia", "MEA"],
  TR: ["Turkey", "MEA"],
  EG: ["Egypt", "MEA"],
  ZA: ["South Africa", "MEA"],
  JO: ["Jordan", "MEA"],
  QA: ["Qatar", "MEA"],
  MA: ["Morocco", "MEA"],
  KE: ["Kenya", "MEA"],
};

/** Common FDA spellings of country names in exports ("Country/Area") -> ISO code. */
const COUNTRY_ALIASES: Record<string, string> = {
  "united states of america": "US",
  usa: "US",
  "u.s.": "US",
  "u.s.a.": "US",
  uk: "GB",
  "great britain": "GB",
  "united kingdom of great britain and northern ireland": "GB",
  "korea, republic of": "KR",
  "republic of korea": "KR",
  "korea (south)": "KR",
  korea: "KR",
  "taiwan, province of china": "TW",
  "czech republic": "CZ",
  "the netherlands": "NL",
  holland: "NL",
  "china, people's republic of": "CN",
  "people's republic of china": "CN",
  "viet nam": "VN",
  türkiye: "TR",
  turkiye: "TR",
};

export function regionOfCountry(code: string | null | undefined): RegionCode | null {
  if (!code) return null;
  return COUNTRIES[code.toUpperCase()]?.[1] ?? null;
}

export function countryName(code: string | null | undefined): string | null {
  if (!code) return null;
  return COUNTRIES[code.toUpperCase()]?.[0] ?? null;
}

/** An ISO code from a code or an English country name (as FDA exports write them); null if unknown. */
export function countryCodeOf(value: string | null | undefined): string | null {
  const v = (value ?? "").trim();
  if (!v) return null;
  if (/^[A-Za-z]{2}$/.test(v)) return v.toUpperCase();
  const lower = v.toLowerCase();
  if (COUNTRY_ALIASES[lower]) return COUNTRY_ALIASES[lower]!;
  for (const [code, [name]] of Object.entries(COUNTRIES)) if (name.toLowerCase() === lower) return code;
  return null;
}

/** The regions covered by an HQ and sites, in catalogue order, without duplicates. */
export function regionsOf(countries: (string | null | undefined)[]): RegionCode[] {
  const set = new Set(countries.map(regionOfCountry).filter((r): r is RegionCode => r !== null));
  return REGION_CODES.filter((r) => set.has(r));
}

/** Suggestions for the certifications field (free text is allowed too). */
export const CERTIFICATIONS = [
  "EU GMP",
  "FDA registered",
  "FDA approved facility (PAI passed)",
  "MHRA GMP",
  "PMDA accredited",
  "Health Canada GMP",
  "TGA GMP",
  "ANVISA GMP",
  "NMPA GMP",
  "WHO PQ",
  "ISO 9001",
  "ISO 14001",
  "ISO 13485",
  "GDP certified",
  "BSL-2",
  "BSL-3",
  "OEB 5 containment",
] as const;

const label = (list: readonly CatalogEntry[], code: string) => list.find((e) => e.code === code)?.label ?? code;
export const stageLabel = (code: string) => label(STAGES, code);
export const modalityLabel = (code: string) => label(MODALITIES, code);
export const scaleTierLabel = (code: string) => label(SCALE_TIERS, code);
export const regionLabel = (code: string) => label(REGIONS, code);
