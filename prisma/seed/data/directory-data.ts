// Demo data for the vendor directory. Every company, person and FEI number here is
// fictional. samples/fda-inspections-sample.csv refers to several of these sites (by FEI or
// by legal name + city), so importing it changes the quality of some of these vendors.

export type SeedSite = { name?: string; country: string; city: string; state?: string; fei?: string };
export type SeedInspection = {
  site: number;
  endDate: string;
  classification: "NAI" | "VAI" | "OAI";
  observations483?: number;
  agency?: string;
};
export type SeedLetter = {
  site?: number;
  issuedAt: string;
  subject: string;
  status: "OPEN" | "CLOSED";
  closedAt?: string;
  issuingOffice?: string;
};
export type SeedRecall = {
  site?: number;
  date: string;
  classification?: "I" | "II" | "III";
  product?: string;
  reason?: string;
};

export type SeedVendor = {
  name: string;
  legalName?: string;
  hqCountry: string;
  hqCity: string;
  website?: string;
  summary: string;
  stages: string[];
  modalities: string[];
  certifications: string[];
  scaleTiers: string[];
  maxBioreactorLitres?: number;
  maxBatchUnits?: number;
  sites: SeedSite[];
  inspections?: SeedInspection[];
  letters?: SeedLetter[];
  recalls?: SeedRecall[];
};

/** The demo CDMO's own platform profile (Northbridge Biologics). */
export const NORTHBRIDGE: SeedVendor = {
  name: "Northbridge Biologics",
  legalName: "Northbridge Biologics, Inc.",
  hqCountry: "US",
  hqCity: "Cambridge",
  website: "https://northbridge-biologics.example",
  summary:
    "Mammalian CDMO for monoclonal and bispecific antibodies from cell line to commercial drug substance, with an aseptic fill-finish suite in Cork.",
  stages: ["CLD", "PD", "DS_CLIN", "DS_COMM", "FILL", "QC"],
  modalities: ["MAB", "BISPECIFIC", "FUSION"],
  certifications: ["FDA registered", "EU GMP", "ISO 9001"],
  scaleTiers: ["CLINICAL", "COMMERCIAL"],
  maxBioreactorLitres: 12000,
  maxBatchUnits: 60000,
  sites: [
    { name: "Worcester drug substance plant", country: "US", city: "Worcester", state: "MA", fei: "3012345678" },
    { name: "Cork fill-finish", country: "IE", city: "Cork", fei: "3009876543" },
    { name: "Cambridge process development", country: "US", city: "Cambridge", state: "MA" },
  ],
  inspections: [
    { site: 0, endDate: "2019-06-14", classification: "NAI" },
    { site: 0, endDate: "2022-10-07", classification: "VAI", observations483: 3 },
    { site: 1, endDate: "2023-03-22", classification: "NAI", agency: "HPRA" },
    { site: 1, endDate: "2025-05-16", classification: "NAI" },
  ],
  letters: [
    {
      site: 0,
      issuedAt: "2017-08-30",
      subject: "CGMP/Finished Pharmaceuticals/Adulterated",
      status: "CLOSED",
      closedAt: "2019-02-11",
      issuingOffice: "Center for Biologics Evaluation and Research",
    },
  ],
};

const mab = ["MAB"];

/** Other platform CDMOs; each gets a CDMO organisation of its own (without members). */
export const PLATFORM_VENDORS: SeedVendor[] = [
  {
    name: "Aldermoor Biologics",
    legalName: "Aldermoor Biologics Ltd",
    hqCountry: "GB",
    hqCity: "Stevenage",
    summary: "UK antibody CDMO with 2,000 L single-use trains and an in-house cell line platform.",
    stages: ["CLD", "PD", "DS_CLIN", "QC"],
    modalities: ["MAB", "BISPECIFIC"],
    certifications: ["MHRA GMP", "EU GMP"],
    scaleTiers: ["PRECLINICAL", "CLINICAL"],
    maxBioreactorLitres: 2000,
    sites: [{ country: "GB", city: "Stevenage", fei: "3011122233" }],
    inspections: [
      { site: 0, endDate: "2021-11-19", classification: "NAI" },
      { site: 0, endDate: "2024-09-12", classification: "VAI", observations483: 2 },
    ],
  },
  {
    name: "Kestrel Fill-Finish",
    legalName: "Kestrel Fill-Finish, LLC",
    hqCountry: "US",
    hqCity: "Bloomington",
    website: "https://kestrel-fill.example",
    summary: "Aseptic vial and prefilled-syringe filling with two lyophilisers; clinical and commercial.",
    stages: ["FILL", "LYO", "PACK", "QC"],
    modalities: ["MAB", "FUSION", "PEPTIDE", "MRNA"],
    certifications: ["FDA registered", "EU GMP"],
    scaleTiers: ["CLINICAL", "COMMERCIAL"],
    maxBatchUnits: 400000,
    sites: [{ country: "US", city: "Bloomington", state: "IN", fei: "3004455667" }],
    inspections: [
      { site: 0, endDate: "2020-02-28", classification: "NAI" },
      { site: 0, endDate: "2023-07-21", classification: "NAI" },
    ],
  },
  {
    name: "Sorrento Viral Vectors",
    legalName: "Sorrento Viral Vectors, Inc.",
    hqCountry: "US",
    hqCity: "San Diego",
    summary: "AAV process development and clinical vector manufacturing in suspension HEK293, 50 L to 500 L.",
    stages: ["PD", "DS_CLIN", "QC"],
    modalities: ["AAV"],
    certifications: ["FDA registered", "BSL-2"],
    scaleTiers: ["PRECLINICAL", "CLINICAL"],
    maxBioreactorLitres: 500,
    sites: [{ country: "US", city: "San Diego", state: "CA", fei: "3015566778" }],
    inspections: [{ site: 0, endDate: "2024-04-18", classification: "VAI", observations483: 5 }],
    letters: [
      {
        site: 0,
        issuedAt: "2025-01-23",
        subject: "CGMP/Biologics/Adulterated",
        status: "OPEN",
        issuingOffice: "Center for Biologics Evaluation and Research",
      },
    ],
  },
  {
    name: "Halvorsen Bioprocess",
    legalName: "Halvorsen Bioprocess A/S",
    hqCountry: "DK",
    hqCity: "Hillerød",
    summary: "Large-scale stainless-steel mAb drug substance, 6 x 15,000 L.",
    stages: ["DS_COMM", "QC"],
    modalities: ["MAB", "FUSION"],
    certifications: ["EU GMP", "FDA registered", "PMDA accredited"],
    scaleTiers: ["COMMERCIAL"],
    maxBioreactorLitres: 15000,
    sites: [{ country: "DK", city: "Hillerød", fei: "3002233445" }],
    inspections: [
      { site: 0, endDate: "2018-05-04", classification: "NAI" },
      { site: 0, endDate: "2022-06-10", classification: "NAI" },
      { site: 0, endDate: "2025-09-26", classification: "NAI" },
    ],
  },
  {
    name: "Meridian Cell Therapeutics",
    legalName: "Meridian Cell Therapeutics, Inc.",
    hqCountry: "US",
    hqCity: "Philadelphia",
    summary: "Autologous and allogeneic cell therapy manufacturing with closed, automated processing.",
    stages: ["PD", "DS_CLIN", "QC", "COLD"],
    modalities: ["CELL"],
    certifications: ["FDA registered"],
    scaleTiers: ["CLINICAL"],
    sites: [{ country: "US", city: "Philadelphia", state: "PA", fei: "3017788990" }],
    inspections: [{ site: 0, endDate: "2023-12-08", classification: "VAI", observations483: 4 }],
    recalls: [
      {
        site: 0,
        date: "2024-03-02",
        classification: "II",
        product: "Cryopreserved cell suspension",
        reason: "Out-of-specification viability",
      },
    ],
  },
  {
    name: "Lumen mRNA Manufacturing",
    legalName: "Lumen mRNA Manufacturing GmbH",
    hqCountry: "DE",
    hqCity: "Mainz",
    summary: "mRNA drug substance and lipid nanoparticle formulation, with aseptic fill.",
    stages: ["PD", "DS_CLIN", "DP_FORM", "FILL"],
    modalities: ["MRNA"],
    certifications: ["EU GMP"],
    scaleTiers: ["CLINICAL", "COMMERCIAL"],
    sites: [{ country: "DE", city: "Mainz", fei: "3019900112" }],
    inspections: [{ site: 0, endDate: "2022-02-11", classification: "NAI" }],
  },
  {
    name: "Tsukuba BioWorks",
    legalName: "Tsukuba BioWorks K.K.",
    hqCountry: "JP",
    hqCity: "Tsukuba",
    summary: "Japanese mAb and fusion-protein CDMO, PMDA and FDA inspected.",
    stages: ["CLD", "PD", "DS_CLIN", "DS_COMM"],
    modalities: ["MAB", "FUSION"],
    certifications: ["PMDA accredited", "FDA registered"],
    scaleTiers: ["CLINICAL", "COMMERCIAL"],
    maxBioreactorLitres: 4000,
    sites: [{ country: "JP", city: "Tsukuba", fei: "3006677889" }],
    inspections: [
      { site: 0, endDate: "2019-10-25", classification: "NAI" },
      { site: 0, endDate: "2024-11-15", classification: "NAI", agency: "PMDA" },
    ],
  },
  {
    name: "Incheon BioLogix",
    legalName: "Incheon BioLogix Co., Ltd.",
    hqCountry: "KR",
    hqCity: "Incheon",
    summary: "High-volume commercial antibody manufacturing, 20,000 L stainless steel.",
    stages: ["DS_CLIN", "DS_COMM", "FILL", "QC"],
    modalities: ["MAB", "BISPECIFIC", "ADC"],
    certifications: ["FDA registered", "EU GMP", "PMDA accredited"],
    scaleTiers: ["CLINICAL", "COMMERCIAL"],
    maxBioreactorLitres: 20000,
    sites: [
      { country: "KR", city: "Incheon", fei: "3008899001" },
      { name: "Songdo plant 2", country: "KR", city: "Songdo", fei: "3018899002" },
    ],
    inspections: [
      { site: 0, endDate: "2021-03-19", classification: "NAI" },
      { site: 1, endDate: "2024-06-21", classification: "VAI", observations483: 1 },
    ],
  },
  {
    name: "Basel Conjugates",
    legalName: "Basel Conjugates AG",
    hqCountry: "CH",
    hqCity: "Basel",
    summary: "ADC conjugation and HPAPI payload handling up to OEB 5.",
    stages: ["PD", "DS_CLIN", "DS_COMM", "QC"],
    modalities: ["ADC", "HPAPI"],
    certifications: ["EU GMP", "OEB 5 containment"],
    scaleTiers: ["CLINICAL", "COMMERCIAL"],
    sites: [{ country: "CH", city: "Basel", fei: "3003344556" }],
    inspections: [
      { site: 0, endDate: "2020-09-18", classification: "VAI", observations483: 2 },
      { site: 0, endDate: "2024-02-09", classification: "NAI" },
    ],
  },
  {
    name: "Rhône Peptide Sciences",
    legalName: "Rhone Peptide Sciences SAS",
    hqCountry: "FR",
    hqCity: "Lyon",
    summary: "Solid-phase peptide synthesis and small-molecule intermediates.",
    stages: ["PD", "DS_CLIN", "DS_COMM", "QC"],
    modalities: ["PEPTIDE", "SMALL"],
    certifications: ["EU GMP", "ISO 9001"],
    scaleTiers: ["PRECLINICAL", "CLINICAL", "COMMERCIAL"],
    sites: [{ country: "FR", city: "Lyon", fei: "3005566001" }],
    inspections: [
      { site: 0, endDate: "2017-04-07", classification: "OAI", observations483: 9 },
      { site: 0, endDate: "2021-05-14", classification: "VAI", observations483: 3 },
    ],
    letters: [
      {
        site: 0,
        issuedAt: "2017-09-12",
        subject: "CGMP/Active Pharmaceutical Ingredient (API)/Adulterated",
        status: "CLOSED",
        closedAt: "2020-01-15",
      },
    ],
  },
  {
    name: "Cascadia Analytics",
    legalName: "Cascadia Analytics, Inc.",
    hqCountry: "US",
    hqCity: "Seattle",
    summary: "Release and stability testing for biologics; potency assays and method validation.",
    stages: ["QC"],
    modalities: ["MAB", "BISPECIFIC", "FUSION", "AAV", "CELL"],
    certifications: ["FDA registered", "ISO 9001"],
    scaleTiers: ["PRECLINICAL", "CLINICAL", "COMMERCIAL"],
    sites: [{ country: "US", city: "Seattle", state: "WA", fei: "3013344112" }],
    inspections: [{ site: 0, endDate: "2023-08-25", classification: "NAI" }],
  },
  {
    name: "Polar Chain Logistics",
    legalName: "Polar Chain Logistics B.V.",
    hqCountry: "NL",
    hqCity: "Leiden",
    summary: "GDP-certified cold-chain storage and distribution, -80 °C to 8 °C, plus secondary packaging.",
    stages: ["COLD", "PACK"],
    modalities: ["MAB", "CELL", "MRNA", "AAV"],
    certifications: ["GDP certified", "ISO 9001"],
    scaleTiers: ["CLINICAL", "COMMERCIAL"],
    sites: [{ country: "NL", city: "Leiden" }],
  },
  {
    name: "Jiangsu Everbright Biologics",
    legalName: "Jiangsu Everbright Biologics Co., Ltd.",
    hqCountry: "CN",
    hqCity: "Suzhou",
    summary: "Cost-competitive mAb drug substance and drug product for clinical and commercial supply.",
    stages: ["CLD", "PD", "DS_CLIN", "DS_COMM", "FILL"],
    modalities: ["MAB", "BISPECIFIC"],
    certifications: ["NMPA GMP", "EU GMP"],
    scaleTiers: ["CLINICAL", "COMMERCIAL"],
    maxBioreactorLitres: 8000,
    sites: [{ country: "CN", city: "Suzhou", fei: "3016655443" }],
    inspections: [{ site: 0, endDate: "2024-05-17", classification: "OAI", observations483: 11 }],
    letters: [
      { site: 0, issuedAt: "2024-10-03", subject: "CGMP/Finished Pharmaceuticals/Adulterated", status: "OPEN" },
    ],
  },
  {
    name: "Deccan Pharma Solutions",
    legalName: "Deccan Pharma Solutions Pvt. Ltd.",
    hqCountry: "IN",
    hqCity: "Hyderabad",
    summary: "Small molecules, peptides and high-potency APIs; kilo lab to commercial.",
    stages: ["PD", "DS_CLIN", "DS_COMM", "QC", "PACK"],
    modalities: ["SMALL", "HPAPI", "PEPTIDE"],
    certifications: ["FDA registered", "WHO PQ"],
    scaleTiers: ["CLINICAL", "COMMERCIAL"],
    sites: [
      { country: "IN", city: "Hyderabad", state: "TS", fei: "3007788112" },
      { country: "IN", city: "Visakhapatnam", fei: "3017788113" },
    ],
    inspections: [
      { site: 0, endDate: "2021-01-29", classification: "OAI", observations483: 8 },
      { site: 1, endDate: "2023-11-10", classification: "VAI", observations483: 4 },
    ],
    letters: [
      {
        site: 0,
        issuedAt: "2021-07-15",
        subject: "CGMP/Active Pharmaceutical Ingredient (API)/Adulterated",
        status: "CLOSED",
        closedAt: "2023-06-30",
      },
    ],
    recalls: [
      {
        site: 0,
        date: "2022-02-14",
        classification: "II",
        product: "Intermediate lot",
        reason: "Impurity above limit",
      },
    ],
  },
  {
    name: "Monterrey BioFill",
    legalName: "Monterrey BioFill S.A. de C.V.",
    hqCountry: "MX",
    hqCity: "Monterrey",
    summary: "Aseptic vial filling for Latin American and US supply.",
    stages: ["FILL", "PACK"],
    modalities: ["MAB", "PEPTIDE"],
    certifications: ["FDA registered"],
    scaleTiers: ["CLINICAL", "COMMERCIAL"],
    maxBatchUnits: 150000,
    sites: [{ country: "MX", city: "Monterrey", fei: "3014433221" }],
    inspections: [{ site: 0, endDate: "2022-08-19", classification: "VAI", observations483: 6 }],
    recalls: [
      { site: 0, date: "2023-01-20", classification: "III", product: "Diluent vials", reason: "Labelling error" },
    ],
  },
  {
    name: "Paulista Biotecnologia",
    legalName: "Paulista Biotecnologia Ltda",
    hqCountry: "BR",
    hqCity: "São Paulo",
    summary: "Formulation development and fill-finish for biologics in Brazil.",
    stages: ["DP_FORM", "FILL", "QC"],
    modalities: ["MAB", "FUSION"],
    certifications: ["ANVISA GMP"],
    scaleTiers: ["CLINICAL"],
    maxBatchUnits: 20000,
    sites: [{ country: "BR", city: "São Paulo" }],
  },
  {
    name: "Galway Aseptic Services",
    legalName: "Galway Aseptic Services Limited",
    hqCountry: "IE",
    hqCity: "Galway",
    summary: "Isolator-based fill-finish and lyophilisation for clinical biologics.",
    stages: ["FILL", "LYO", "QC"],
    modalities: ["MAB", "ADC", "PEPTIDE"],
    certifications: ["EU GMP", "FDA registered"],
    scaleTiers: ["CLINICAL", "COMMERCIAL"],
    maxBatchUnits: 120000,
    sites: [{ country: "IE", city: "Galway", fei: "3010203040" }],
    inspections: [
      { site: 0, endDate: "2020-11-13", classification: "NAI" },
      { site: 0, endDate: "2025-03-07", classification: "VAI", observations483: 2 },
    ],
  },
  {
    name: "Graz Biologics",
    legalName: "Graz Biologics GmbH",
    hqCountry: "AT",
    hqCity: "Graz",
    summary: "Microbial and mammalian expression for fusion proteins and antibody fragments.",
    stages: ["CLD", "PD", "DS_CLIN"],
    modalities: ["FUSION", "MAB"],
    certifications: ["EU GMP"],
    scaleTiers: ["PRECLINICAL", "CLINICAL"],
    maxBioreactorLitres: 1000,
    sites: [{ country: "AT", city: "Graz" }],
  },
  {
    name: "Carmel Cell & Gene",
    legalName: "Carmel Cell and Gene Ltd.",
    hqCountry: "IL",
    hqCity: "Rehovot",
    summary: "Lentiviral and AAV vectors and CAR-T manufacturing.",
    stages: ["PD", "DS_CLIN", "QC"],
    modalities: ["CELL", "AAV"],
    certifications: ["EU GMP", "BSL-2"],
    scaleTiers: ["PRECLINICAL", "CLINICAL"],
    maxBioreactorLitres: 200,
    sites: [{ country: "IL", city: "Rehovot", fei: "3019988776" }],
    inspections: [{ site: 0, endDate: "2025-06-27", classification: "NAI" }],
  },
  {
    name: "Yarra Bioprocessing",
    legalName: "Yarra Bioprocessing Pty Ltd",
    hqCountry: "AU",
    hqCity: "Melbourne",
    summary: "Clinical mAb supply for first-in-human trials in Australia.",
    stages: ["PD", "DS_CLIN", "FILL"],
    modalities: mab,
    certifications: ["TGA GMP"],
    scaleTiers: ["PRECLINICAL", "CLINICAL"],
    maxBioreactorLitres: 1000,
    sites: [{ country: "AU", city: "Melbourne", fei: "3012121212" }],
    inspections: [{ site: 0, endDate: "2023-02-17", classification: "NAI", agency: "TGA" }],
  },
  {
    name: "Lakeshore Biologics",
    legalName: "Lakeshore Biologics Inc.",
    hqCountry: "CA",
    hqCity: "Mississauga",
    summary: "Canadian antibody CDMO for clinical and small commercial programmes.",
    stages: ["PD", "DS_CLIN", "DS_COMM", "QC"],
    modalities: ["MAB", "BISPECIFIC"],
    certifications: ["Health Canada GMP", "FDA registered"],
    scaleTiers: ["CLINICAL", "COMMERCIAL"],
    maxBioreactorLitres: 3000,
    sites: [{ country: "CA", city: "Mississauga", state: "ON", fei: "3011212121" }],
    inspections: [
      { site: 0, endDate: "2016-09-09", classification: "OAI", observations483: 7 },
      { site: 0, endDate: "2019-12-06", classification: "VAI" },
      { site: 0, endDate: "2024-01-26", classification: "NAI" },
    ],
    letters: [
      {
        site: 0,
        issuedAt: "2017-03-01",
        subject: "CGMP/Biologics/Adulterated",
        status: "CLOSED",
        closedAt: "2019-08-20",
      },
    ],
  },
  {
    name: "Montjuïc Formulation",
    legalName: "Montjuic Formulation S.L.",
    hqCountry: "ES",
    hqCity: "Barcelona",
    summary: "Drug product formulation development and lyophilisation cycle design.",
    stages: ["DP_FORM", "LYO", "QC"],
    modalities: ["MAB", "PEPTIDE", "SMALL"],
    certifications: ["EU GMP"],
    scaleTiers: ["PRECLINICAL", "CLINICAL"],
    sites: [{ country: "ES", city: "Barcelona", fei: "3013131313" }],
    inspections: [{ site: 0, endDate: "2022-04-29", classification: "NAI" }],
  },
  {
    name: "Fyris Biologics",
    legalName: "Fyris Biologics AB",
    hqCountry: "SE",
    hqCity: "Uppsala",
    summary: "Continuous perfusion mAb manufacturing for clinical supply.",
    stages: ["PD", "DS_CLIN"],
    modalities: mab,
    certifications: ["EU GMP"],
    scaleTiers: ["CLINICAL"],
    maxBioreactorLitres: 500,
    sites: [{ country: "SE", city: "Uppsala" }],
  },
  {
    name: "Piedmont Gene Therapy",
    legalName: "Piedmont Gene Therapy, LLC",
    hqCountry: "US",
    hqCity: "Durham",
    summary: "AAV manufacturing at 2,000 L with full analytics; commercial-ready.",
    stages: ["PD", "DS_CLIN", "DS_COMM", "FILL", "QC"],
    modalities: ["AAV"],
    certifications: ["FDA registered", "BSL-2"],
    scaleTiers: ["CLINICAL", "COMMERCIAL"],
    maxBioreactorLitres: 2000,
    sites: [{ country: "US", city: "Durham", state: "NC", fei: "3014141414" }],
    inspections: [{ site: 0, endDate: "2023-05-12", classification: "OAI", observations483: 6 }],
    letters: [{ site: 0, issuedAt: "2023-09-28", subject: "CGMP/Biologics/Adulterated", status: "OPEN" }],
    recalls: [
      { site: 0, date: "2023-08-04", classification: "I", product: "AAV9 clinical lot", reason: "Sterility assurance" },
    ],
  },
  {
    name: "Straits Biomanufacturing",
    legalName: "Straits Biomanufacturing Pte. Ltd.",
    hqCountry: "SG",
    hqCity: "Singapore",
    summary: "Multi-modality plant for antibodies and mRNA in Tuas.",
    stages: ["PD", "DS_CLIN", "DS_COMM", "DP_FORM", "FILL"],
    modalities: ["MAB", "MRNA"],
    certifications: ["EU GMP", "FDA registered"],
    scaleTiers: ["CLINICAL", "COMMERCIAL"],
    maxBioreactorLitres: 6000,
    sites: [{ country: "SG", city: "Singapore", fei: "3015151515" }],
    inspections: [{ site: 0, endDate: "2024-08-30", classification: "NAI" }],
  },
];

/** Helix Therapeutics' private records (the first is linked to Aldermoor's platform profile). */
export const HELIX_PRIVATE_VENDORS: (SeedVendor & { linkTo?: string; tags?: string[]; notes?: string[] })[] = [
  {
    name: "Aldermoor (legacy contract)",
    legalName: "Aldermoor Biologics Ltd",
    hqCountry: "GB",
    hqCity: "Stevenage",
    summary: "Our record from the 2023 tech-transfer; now on the platform.",
    stages: ["DS_CLIN"],
    modalities: mab,
    certifications: ["MHRA GMP"],
    scaleTiers: ["CLINICAL"],
    maxBioreactorLitres: 2000,
    sites: [],
    linkTo: "Aldermoor Biologics",
    tags: ["incumbent"],
    notes: ["Master services agreement runs to 2027; change-of-scope pricing was fair."],
  },
  {
    name: "Brightwater Analytical",
    legalName: "Brightwater Analytical Services, Inc.",
    hqCountry: "US",
    hqCity: "Princeton",
    summary: "Bioassay and release testing lab we use for potency.",
    stages: ["QC"],
    modalities: ["MAB", "BISPECIFIC"],
    certifications: ["FDA registered"],
    scaleTiers: ["CLINICAL", "COMMERCIAL"],
    sites: [{ country: "US", city: "Princeton", state: "NJ", fei: "3020202020" }],
    inspections: [{ site: 0, endDate: "2022-09-16", classification: "NAI" }],
    tags: ["shortlist", "analytics"],
    notes: ["Turnaround on potency assays ~3 weeks; good data packages."],
  },
  {
    name: "Veridian Biologics",
    legalName: "Veridian Biologics GmbH",
    hqCountry: "DE",
    hqCity: "Leverkusen",
    summary: "Mid-size mAb CDMO, not on the platform yet.",
    stages: ["PD", "DS_CLIN", "DS_COMM"],
    modalities: ["MAB", "BISPECIFIC"],
    certifications: ["EU GMP"],
    scaleTiers: ["CLINICAL", "COMMERCIAL"],
    maxBioreactorLitres: 5000,
    sites: [{ country: "DE", city: "Leverkusen", fei: "3021212121" }],
    tags: ["shortlist", "HX-201"],
    notes: ["Site visit planned for Q1; ask about their bispecific chain-pairing data."],
  },
  {
    name: "Oakridge Sterile Products",
    legalName: "Oakridge Sterile Products, LLC",
    hqCountry: "US",
    hqCity: "Oak Ridge",
    summary: "Syringe and cartridge filling.",
    stages: ["FILL", "PACK"],
    modalities: ["MAB", "PEPTIDE"],
    certifications: ["FDA registered"],
    scaleTiers: ["CLINICAL", "COMMERCIAL"],
    sites: [{ country: "US", city: "Oak Ridge", state: "TN", fei: "3022222222" }],
    inspections: [{ site: 0, endDate: "2021-06-04", classification: "NAI" }],
    tags: ["HX-201"],
  },
  {
    name: "Nordlys Lyo Services",
    legalName: "Nordlys Lyo Services AS",
    hqCountry: "NO",
    hqCity: "Oslo",
    summary: "Contract lyophilisation, small batches.",
    stages: ["LYO"],
    modalities: ["PEPTIDE", "MAB"],
    certifications: ["EU GMP"],
    scaleTiers: ["PRECLINICAL", "CLINICAL"],
    sites: [{ country: "NO", city: "Oslo" }],
    tags: ["needs audit"],
  },
];

/** Helix's tags and notes on platform profiles. */
export const HELIX_PLATFORM_ANNOTATIONS: { vendor: string; tags?: string[]; notes?: string[] }[] = [
  {
    vendor: "Northbridge Biologics",
    tags: ["shortlist", "HX-201"],
    notes: ["Strong bispecific track record; ask for their 12,000 L slot availability in 2027."],
  },
  { vendor: "Kestrel Fill-Finish", tags: ["shortlist"], notes: ["Lyo capacity tight in H1."] },
  {
    vendor: "Jiangsu Everbright Biologics",
    tags: ["needs audit"],
    notes: ["Open warning letter: do not shortlist until closed."],
  },
];
