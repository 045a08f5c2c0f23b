// The shipped, modality-aware RFP templates a sponsor starts from. Each asks what a sponsor's
// CMC team asks of a CDMO for that modality, plus the shared quality, capacity and commercial
// sections (template-blocks.ts) with one price line per stage of the template. Browser-safe data.
import type { ModalityCode, StageCode } from "../vendors/catalog";
import type { RfpContent, RfpWeights } from "./content";
import {
  capacitySection,
  commercialSection,
  file,
  multi,
  number,
  qualitySection,
  single,
  text,
  yesno,
} from "./template-blocks";

export type RfpTemplate = {
  key: string;
  name: string;
  description: string;
  /** The modality it is written for; null = any modality (fill-finish only). */
  modality: ModalityCode | null;
  /** The stages it asks prices for, in programme order. */
  stages: StageCode[];
  content: RfpContent;
  weights: RfpWeights;
};

function template(t: Omit<RfpTemplate, "content"> & { technical: RfpContent["sections"][number]["questions"] }) {
  const { technical, ...rest } = t;
  return {
    ...rest,
    content: {
      sections: [
        qualitySection(),
        {
          id: "sec-technical",
          title: "Technical capability",
          description: "Your experience with this modality, your platform and the analytics you run.",
          questions: technical,
        },
        capacitySection(),
        commercialSection(t.stages),
      ],
    },
  } satisfies RfpTemplate;
}

const mab = template({
  key: "mab-ds-dp",
  name: "mAb drug substance and drug product",
  description:
    "Cell line to released drug product for a monoclonal antibody: platform titres, bioreactor scale, viral clearance, formulation and fill.",
  modality: "MAB",
  stages: ["CLD", "PD", "DS_CLIN", "DP_FORM", "FILL", "QC"],
  weights: { capability: 35, quality: 25, pricing: 25, handoff: 15 },
  technical: [
    number({
      id: "tc-mab-programmes",
      prompt: "How many mAb programmes have you taken into GMP manufacture in the last five years?",
      unit: "programmes",
      min: 0,
      required: true,
    }),
    single({
      id: "tc-host-cell",
      prompt: "Which host cell line platform do you offer?",
      options: ["CHO-K1", "CHO-DG44", "CHO GS knockout", "Our client's cell line only", "Other"],
      required: true,
    }),
    number({
      id: "tc-platform-titre",
      prompt: "Typical titre of your platform fed-batch process for an IgG1",
      unit: "g/L",
      min: 0,
      max: 50,
      required: true,
    }),
    multi({
      id: "tc-bioreactor-scales",
      prompt: "Which GMP bioreactor scales are available for drug substance?",
      options: [
        "200 L",
        "500 L",
        "1,000 L",
        "2,000 L single-use",
        "Multiple 2,000 L in parallel",
        "5,000 L or more (stainless)",
      ],
      required: true,
    }),
    single({
      id: "tc-process-mode",
      prompt: "Which upstream process modes do you run at GMP?",
      options: ["Fed-batch", "Intensified fed-batch", "Perfusion / continuous", "All of these"],
    }),
    text({
      id: "tc-viral-clearance",
      prompt:
        "Describe your downstream platform and viral clearance strategy (validation studies in house or outsourced).",
      required: true,
    }),
    text({
      id: "tc-analytics",
      prompt:
        "Which release and characterisation methods run in house (SEC, CE-SDS, icIEF, glycan profile, potency bioassay, HCP, residual DNA), and which are outsourced?",
      required: true,
    }),
    multi({
      id: "tc-dp-formats",
      prompt: "Which drug product presentations can you formulate and fill?",
      options: ["Liquid vials", "Lyophilised vials", "Prefilled syringes", "Cartridges"],
      required: true,
    }),
    yesno({ id: "tc-ich-stability", prompt: "Do you run ICH stability studies for DS and DP in house?" }),
  ],
});

const adc = template({
  key: "adc",
  name: "Antibody-drug conjugate",
  description:
    "Conjugation, highly potent payload handling and ADC drug product: containment, DAR control, and how the antibody, payload and conjugation sites connect.",
  modality: "ADC",
  stages: ["PD", "DS_CLIN", "DP_FORM", "FILL", "LYO", "QC"],
  weights: { capability: 40, quality: 30, pricing: 15, handoff: 15 },
  technical: [
    number({
      id: "tc-adc-programmes",
      prompt: "How many ADC programmes have you conjugated at GMP in the last five years?",
      unit: "programmes",
      min: 0,
      required: true,
    }),
    multi({
      id: "tc-conjugation-chemistry",
      prompt: "Which conjugation chemistries do you run at GMP?",
      options: [
        "Cysteine (maleimide)",
        "Lysine",
        "Site-specific (engineered cysteine)",
        "Enzymatic",
        "Click chemistry",
      ],
      required: true,
    }),
    single({
      id: "tc-containment",
      prompt: "What is the highest occupational exposure band your conjugation suite is qualified for?",
      options: ["OEB 4 (1–10 µg/m³)", "OEB 5 (< 1 µg/m³)", "OEB 6 (< 0.1 µg/m³)"],
      required: true,
    }),
    number({
      id: "tc-conjugation-scale",
      prompt: "Largest GMP conjugation batch (antibody input)",
      unit: "g",
      min: 0,
      required: true,
    }),
    text({
      id: "tc-dar-control",
      prompt:
        "How do you control and measure drug-to-antibody ratio and free payload (methods, specifications you typically meet)?",
      required: true,
    }),
    yesno({
      id: "tc-payload-in-house",
      prompt: "Can you manufacture the payload-linker under GMP at one of your own sites?",
      help: "If not, say in the supply-chain answer who you would work with or whether we supply it.",
    }),
    text({
      id: "tc-supply-chain",
      prompt:
        "Which steps (mAb intermediate, payload-linker, conjugation, fill) happen at which site, and how are intermediates shipped between them?",
      required: true,
    }),
    yesno({
      id: "tc-cytotoxic-fill",
      prompt: "Is your fill line qualified for cytotoxic products with isolator technology?",
      required: true,
    }),
  ],
});

const aav = template({
  key: "aav",
  name: "AAV gene therapy",
  description:
    "AAV vector process development and GMP production: production system, titres, full/empty capsid control, potency and biosafety testing.",
  modality: "AAV",
  stages: ["PD", "DS_CLIN", "FILL", "QC"],
  weights: { capability: 40, quality: 25, pricing: 20, handoff: 15 },
  technical: [
    number({
      id: "tc-aav-lots",
      prompt: "How many GMP AAV lots have you released in the last three years?",
      unit: "lots",
      min: 0,
      required: true,
    }),
    single({
      id: "tc-production-system",
      prompt: "Which production system do you propose?",
      options: [
        "Triple transfection (HEK293, suspension)",
        "Triple transfection (HEK293, adherent)",
        "Baculovirus / Sf9",
        "Stable producer cell line",
      ],
      required: true,
    }),
    multi({
      id: "tc-serotypes",
      prompt: "Which serotypes have you produced at GMP?",
      options: ["AAV1", "AAV2", "AAV5", "AAV6", "AAV8", "AAV9", "AAVrh10", "Engineered capsids"],
      required: true,
    }),
    number({
      id: "tc-vg-yield",
      prompt: "Typical purified yield at your largest GMP scale",
      unit: "vg per litre of harvest",
      min: 0,
      required: true,
    }),
    number({
      id: "tc-bioreactor-scale",
      prompt: "Largest GMP bioreactor scale for AAV",
      unit: "L",
      min: 0,
      required: true,
    }),
    text({
      id: "tc-full-empty",
      prompt: "How do you remove empty capsids and measure the full/empty ratio (method and typical result)?",
      required: true,
    }),
    text({
      id: "tc-potency",
      prompt:
        "Which potency and infectivity assays can you develop or run, and what is your approach to phase-appropriate validation?",
      required: true,
    }),
    yesno({
      id: "tc-plasmid-supply",
      prompt: "Can you supply the GMP-grade plasmids as part of your offer?",
    }),
    yesno({ id: "tc-rcaav", prompt: "Do you test for replication-competent AAV in house?" }),
  ],
});

const mrna = template({
  key: "mrna-lnp",
  name: "mRNA-LNP",
  description:
    "mRNA drug substance by in-vitro transcription and its lipid nanoparticle drug product: capping, purification, encapsulation and cold chain.",
  modality: "MRNA",
  stages: ["PD", "DS_CLIN", "DP_FORM", "FILL", "QC", "COLD"],
  weights: { capability: 35, quality: 25, pricing: 25, handoff: 15 },
  technical: [
    number({
      id: "tc-mrna-batches",
      prompt: "How many GMP mRNA drug substance batches have you released in the last three years?",
      unit: "batches",
      min: 0,
      required: true,
    }),
    number({
      id: "tc-ivt-scale",
      prompt: "Largest GMP in-vitro transcription batch",
      unit: "g mRNA",
      min: 0,
      required: true,
    }),
    single({
      id: "tc-capping",
      prompt: "Which capping approach do you use?",
      options: ["Co-transcriptional (cap analogue)", "Enzymatic", "Either, by our choice"],
      required: true,
    }),
    yesno({
      id: "tc-modified-nucleotides",
      prompt: "Do you work with modified nucleotides (for example N1-methylpseudouridine)?",
    }),
    text({
      id: "tc-dsrna",
      prompt:
        "How do you purify mRNA and control dsRNA, residual DNA template and integrity (methods and typical results)?",
      required: true,
    }),
    single({
      id: "tc-lnp-mixing",
      prompt: "Which LNP formation technology do you run at GMP?",
      options: ["Microfluidic mixing", "T-mixer / impingement jet", "Other"],
      required: true,
    }),
    text({
      id: "tc-lnp-analytics",
      prompt: "What encapsulation efficiency, particle size and PDI do you typically achieve, and with which methods?",
      required: true,
    }),
    yesno({
      id: "tc-lipid-supply",
      prompt: "Can you source the GMP ionisable lipid yourself?",
      help: "If not, we supply it together with any licence it needs.",
    }),
    multi({
      id: "tc-storage",
      prompt: "At which temperatures can you store and ship drug product?",
      options: ["2–8 °C", "−20 °C", "−80 °C", "Liquid nitrogen vapour"],
      required: true,
    }),
  ],
});

const fillFinish = template({
  key: "fill-finish",
  name: "Fill-finish only",
  description:
    "Sterile drug product manufacture from supplied drug substance: presentations, aseptic technology, lyophilisation, inspection and packaging.",
  modality: null,
  stages: ["DP_FORM", "FILL", "LYO", "QC", "PACK"],
  weights: { capability: 30, quality: 30, pricing: 30, handoff: 10 },
  technical: [
    multi({
      id: "tc-presentations",
      prompt: "Which presentations can you fill at GMP?",
      options: ["Vials", "Prefilled syringes", "Cartridges", "Ampoules", "Dual-chamber syringes"],
      required: true,
    }),
    single({
      id: "tc-aseptic-technology",
      prompt: "Which aseptic processing technology does the proposed line use?",
      options: ["Isolator", "Closed RABS", "Open RABS", "Conventional cleanroom"],
      required: true,
    }),
    yesno({
      id: "tc-annex1",
      prompt: "Does the line have a contamination control strategy meeting EU GMP Annex 1 (2022)?",
      required: true,
    }),
    number({
      id: "tc-batch-size",
      prompt: "Largest batch on the proposed line",
      unit: "units",
      min: 0,
      required: true,
    }),
    number({ id: "tc-lyo-shelf", prompt: "Largest lyophiliser shelf area", unit: "m²", min: 0 }),
    text({
      id: "tc-media-fills",
      prompt: "Summarise the last three media fills on the proposed line (date, units filled, result).",
      required: true,
    }),
    single({
      id: "tc-visual-inspection",
      prompt: "How is 100% visual inspection done?",
      options: ["Automated", "Semi-automated", "Manual", "Automated with manual re-inspection"],
      required: true,
    }),
    yesno({ id: "tc-ccit", prompt: "Do you run deterministic container closure integrity testing in house?" }),
    yesno({ id: "tc-serialisation", prompt: "Can you serialise and aggregate packs for the US DSCSA and the EU FMD?" }),
    file({
      id: "tc-line-layout",
      prompt: "Attach a description or layout of the proposed fill line.",
      accept: ["pdf", "png", "jpg"],
    }),
  ],
});

export const RFP_TEMPLATES: readonly RfpTemplate[] = [mab, adc, aav, mrna, fillFinish];

/** A copy of the template (callers may edit it freely; the shipped ones stay as shipped). */
export function findTemplate(key: string): RfpTemplate | undefined {
  const t = RFP_TEMPLATES.find((x) => x.key === key);
  return t ? structuredClone(t) : undefined;
}
