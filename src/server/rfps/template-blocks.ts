// Building blocks of the shipped templates: the sections every CDMO RFP asks regardless of
// modality (company and quality system, capacity and timeline, commercial terms with one price
// line per stage). Browser-safe data. Ids are stable ("qs-…", "cap-…", "com-…", "price-<stage>")
// so seeds and tests can refer to them; an RFP built from a template gets fresh ids (copy.ts).
import { STAGES, type StageCode } from "../vendors/catalog";
import type { FileType, NumberRole, Question, Section } from "./content";

type Base = { id: string; prompt: string; help?: string; required?: boolean };

export const text = (b: Base & { maxLength?: number }): Question => ({ kind: "text", required: false, ...b });
export const yesno = (b: Base): Question => ({ kind: "yesno", required: false, ...b });
export const number = (b: Base & { unit: string; min?: number; max?: number; role?: NumberRole }): Question => ({
  kind: "number",
  required: false,
  ...b,
});
export const single = (b: Base & { options: string[] }): Question => ({ kind: "single", required: false, ...b });
export const multi = (b: Base & { options: string[] }): Question => ({ kind: "multi", required: false, ...b });
export const file = (b: Base & { accept?: FileType[] }): Question => ({ kind: "file", required: false, ...b });

const stageLabel = (code: StageCode) => STAGES.find((s) => s.code === code)!.label;

export function qualitySection(extra: Question[] = []): Section {
  return {
    id: "sec-quality",
    title: "Company and quality system",
    description: "Who you are, the sites you propose, and how your quality system will work with ours.",
    questions: [
      text({
        id: "qs-overview",
        prompt: "Describe your organisation and the site(s) you propose for this programme.",
        help: "Ownership, site addresses, headcount in manufacturing, QC and QA, and years of GMP operation.",
        required: true,
        maxLength: 4000,
      }),
      multi({
        id: "qs-authorities",
        prompt: "Which authorities have inspected or licensed the proposed site(s) for GMP?",
        options: ["FDA", "EMA / EU member state", "MHRA", "PMDA", "NMPA", "Health Canada", "TGA", "Other"],
        required: true,
      }),
      text({
        id: "qs-inspections",
        prompt:
          "List regulatory inspections of the proposed site(s) in the last five years with their outcome and close-out status.",
        help: "Include FDA 483 observations, warning letters, EU statements of non-compliance and pre-approval inspections.",
        required: true,
      }),
      yesno({
        id: "qs-enforcement",
        prompt:
          "Is any proposed site currently under an FDA warning letter, import alert or EU statement of non-compliance?",
        required: true,
      }),
      yesno({
        id: "qs-quality-agreement",
        prompt: "Will you sign a quality agreement, starting from our template, before the first GMP activity?",
        required: true,
      }),
      single({
        id: "qs-batch-records",
        prompt: "How can we review executed batch records before disposition?",
        options: ["Electronic access to the eBR", "On-site review", "Scanned copies after QA review", "Not offered"],
        required: true,
      }),
      text({
        id: "qs-deviations",
        prompt: "How and how quickly do you notify us of deviations, OOS results and change controls?",
        help: "Give the notification times your quality agreement commits to (for example critical deviations within 24 hours).",
        required: true,
      }),
      yesno({ id: "qs-person-in-plant", prompt: "Can our staff be on site (person in plant) during GMP campaigns?" }),
      file({
        id: "qs-gmp-certificate",
        prompt: "Attach the current GMP certificate or latest inspection close-out letter for the proposed site.",
        accept: ["pdf"],
      }),
      ...extra,
    ],
  };
}

export function capacitySection(extra: Question[] = []): Section {
  return {
    id: "sec-capacity",
    title: "Capacity and timeline",
    description: "When you can start, how long it takes, and who does the work.",
    questions: [
      text({
        id: "cap-earliest-start",
        prompt: "What is the earliest start date you can commit to, and when could the first GMP batch be released?",
        required: true,
      }),
      yesno({
        id: "cap-slot-reservation",
        prompt: "Can you reserve manufacturing slots for us now (with a reservation fee if applicable)?",
        required: true,
      }),
      number({
        id: "cap-parallel-programmes",
        prompt: "How many client programmes are running in the proposed suites today?",
        unit: "programmes",
        min: 0,
      }),
      text({
        id: "cap-tech-transfer",
        prompt:
          "Describe your technology transfer approach: gap assessment, engineering run, timelines and our involvement.",
        required: true,
      }),
      text({
        id: "cap-team",
        prompt:
          "Who would lead the project (project manager, technical lead, QA contact) and what is their experience?",
      }),
      file({
        id: "cap-gantt",
        prompt: "Attach an indicative timeline (Gantt chart) from contract signature to first release.",
        accept: ["pdf", "xlsx"],
      }),
      ...extra,
    ],
  };
}

/** One required price line per stage, in the template's order, then the commercial terms. */
export function commercialSection(stages: readonly StageCode[], extra: Question[] = []): Section {
  return {
    id: "sec-commercial",
    title: "Commercial",
    description:
      "One price line per stage: a fixed price in USD excluding pass-through materials, the expected duration in weeks (with a range if you give one) and what the price includes.",
    questions: [
      ...stages.map((stage): Question => ({
        id: `price-${stage.toLowerCase().replace(/_/g, "-")}`,
        kind: "price",
        stage,
        prompt: `${stageLabel(stage)}: price and duration`,
        help: "State batches, runs, reports and materials included, and any assumptions the price depends on.",
        required: true,
      })),
      text({
        id: "com-pass-through",
        prompt:
          "Which costs are passed through (resins, media, single-use assemblies, reference standards) and at what mark-up?",
        required: true,
      }),
      text({
        id: "com-cancellation",
        prompt: "What are your cancellation and postponement terms for reserved slots?",
        required: true,
      }),
      number({ id: "com-validity", prompt: "How long is this quote valid?", unit: "days", min: 0, max: 730 }),
      number({
        id: "com-bundle-rate",
        role: "bundleRate",
        prompt: "Discount on the total if you are awarded several stages (leave empty for none)",
        unit: "%",
        min: 0,
        max: 50,
      }),
      number({
        id: "com-bundle-min-stages",
        role: "bundleMinStages",
        prompt: "From how many awarded stages does that discount apply?",
        unit: "stages",
        min: 2,
        max: 10,
      }),
      file({
        id: "com-quote",
        prompt: "Attach your formal quotation, if you have one.",
        accept: ["pdf", "xlsx", "docx"],
      }),
      ...extra,
    ],
  };
}
