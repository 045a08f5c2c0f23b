// Input schemas of the vendor directory, shared by the tRPC router and the forms.
// Browser-safe: imports only zod, the catalogue and the shared building blocks.
import { z } from "zod";
import { MODALITY_CODES, REGION_CODES, SCALE_TIER_CODES, STAGE_CODES } from "./catalog";
import { zDay, zId, zInt, zNumber, zOptText, zSearch, zText, zVersion } from "../validation";

export const ZId = zId;

/** Optional free text: trimmed, "" becomes null. */
const optText = (max: number, multiline = false) => zOptText(max, { multiline });

/** A calendar date: "YYYY-MM-DD" or a Date, normalised to UTC midnight, between 1900 and 2200. */
export const ZDay = zDay;

const notInFuture = (d: Date) => d.getTime() <= Date.now() + 86_400_000;
const ZPastDay = ZDay.refine(notInFuture, "The date cannot be in the future.");

/**
 * A list of catalogue codes, typed as string[] on input (what forms and URLs hold) and
 * checked against the catalogue; duplicates dropped.
 */
const uniqueCodes = (codes: readonly string[], what: string) =>
  z
    .array(z.string().max(40))
    .max(codes.length * 2)
    .superRefine((a, ctx) => {
      const bad = a.find((c) => !codes.includes(c));
      if (bad !== undefined)
        ctx.addIssue({ code: "custom", message: `"${bad}" is not a known ${what}. Use one of ${codes.join(", ")}.` });
    })
    .transform((a) => [...new Set(a)]);

export const ZCountryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, "Use the two-letter ISO country code, e.g. US or DE.")
  .transform((c) => c.toUpperCase());

export const ZFeiNumber = z
  .string()
  .trim()
  .regex(/^\d{7,10}$/, "An FEI number has 7 to 10 digits.");

export const ZVendorProfile = z.object({
  name: zText({ min: 2, minMessage: "Give the vendor a name of at least 2 characters.", max: 120 }),
  legalName: optText(200),
  hqCountry: ZCountryCode.nullish().transform((v) => v ?? null),
  hqCity: optText(120),
  website: z
    .union([
      z.literal(""),
      z.url({ protocol: /^https?$/, message: "Use a web address starting with https://" }).max(300),
    ])
    .nullish()
    .transform((v) => (v ? v : null)),
  summary: optText(4000, true),
  stages: uniqueCodes(STAGE_CODES, "stage").default([]),
  modalities: uniqueCodes(MODALITY_CODES, "modality").default([]),
  certifications: z
    .array(zText({ min: 1, max: 80 }))
    .max(30)
    .default([])
    .transform((a) => [...new Set(a)]),
  scaleTiers: uniqueCodes(SCALE_TIER_CODES, "scale tier").default([]),
  maxBioreactorLitres: zInt({ min: 0, max: 1_000_000 })
    .nullish()
    .transform((v) => v ?? null),
  // Drug-product scale: the largest fill batch in units (vials, syringes, cartridges).
  maxBatchUnits: zInt({ min: 0, max: 100_000_000 })
    .nullish()
    .transform((v) => v ?? null),
});
export type TVendorProfile = z.output<typeof ZVendorProfile>;
export type TVendorProfileInput = z.input<typeof ZVendorProfile>;

export const DIRECTORY_SORTS = ["name", "qualityScore", "lastInspectionAt", "country"] as const;

/** The directory's filters and sort: what a saved filter stores. */
export const ZDirectoryFilter = z.object({
  // Searches are cut to 200 characters, never refused for their length (issue 11).
  q: zSearch().optional(),
  stages: uniqueCodes(STAGE_CODES, "stage").optional(),
  modalities: uniqueCodes(MODALITY_CODES, "modality").optional(),
  regions: uniqueCodes(REGION_CODES, "region").optional(),
  countries: z.array(ZCountryCode).max(100).optional(),
  scaleTiers: uniqueCodes(SCALE_TIER_CODES, "scale tier").optional(),
  minBioreactorLitres: zInt({ min: 0, max: 1_000_000 }).optional(),
  minBatchUnits: zInt({ min: 0, max: 100_000_000 }).optional(),
  qualityMin: zNumber({ min: 0, max: 100 }).optional(),
  qualityMax: zNumber({ min: 0, max: 100 }).optional(),
  hasOpenWarningLetter: z.boolean().optional(),
  source: z.enum(["ALL", "PLATFORM", "PRIVATE"]).default("ALL"),
  tags: z
    .array(zText({ min: 1, max: 40 }))
    .max(20)
    .optional(),
  sort: z.enum(DIRECTORY_SORTS).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  pageSize: zInt({ min: 10, max: 100 }).default(25),
});
export type TDirectoryFilter = z.output<typeof ZDirectoryFilter>;

export const ZDirectoryInput = ZDirectoryFilter.extend({ page: zInt({ min: 1, max: 100_000 }).default(1) });
export type TDirectoryInput = z.output<typeof ZDirectoryInput>;
export type TDirectoryInputIn = z.input<typeof ZDirectoryInput>;

export const ZVendorIdInput = z.object({ vendorId: ZId });
export const ZCompareInput = z.object({
  vendorIds: z
    .array(ZId)
    .min(1, "Choose at least one vendor.")
    .max(4, "Compare at most 4 vendors.")
    .refine((a) => new Set(a).size === a.length, "Each vendor can be compared once."),
});
export const ZVersion = zVersion;
export const ZUpdateVendorInput = ZVendorProfile.extend({ vendorId: ZId, version: ZVersion });
export const ZArchiveVendorInput = z.object({ vendorId: ZId, version: ZVersion });
export const ZLinkVendorInput = z.object({ vendorId: ZId, platformVendorId: ZId.nullable() });

export const ZSite = z.object({
  id: ZId.optional(),
  name: optText(120),
  country: ZCountryCode,
  city: zText({ min: 1, minMessage: "Give the site's city.", max: 120 }),
  state: optText(60),
  feiNumber: z
    .union([z.literal(""), ZFeiNumber])
    .nullish()
    .transform((v) => (v ? v : null)),
});
export const ZSaveSiteInput = z.object({ vendorId: ZId, site: ZSite });
export const ZSiteIdInput = z.object({ siteId: ZId });

export const ZClassification = z.enum(["NAI", "VAI", "OAI"]);
export const ZAddInspectionInput = z.object({
  siteId: ZId,
  agency: zText({ min: 2, max: 40 }).default("FDA"),
  endDate: ZPastDay,
  classification: ZClassification,
  observations483: zInt({ min: 0, max: 200 })
    .nullish()
    .transform((v) => v ?? null),
  citations: optText(2000, true),
});
export const ZAddWarningLetterInput = z
  .object({
    vendorId: ZId,
    siteId: ZId.nullish().transform((v) => v ?? null),
    issuedAt: ZPastDay,
    subject: zText({ min: 2, max: 300 }),
    issuingOffice: optText(200),
    status: z.enum(["OPEN", "CLOSED"]),
    closedAt: ZPastDay.nullish().transform((v) => v ?? null),
  })
  .refine((w) => !w.closedAt || w.closedAt >= w.issuedAt, {
    message: "A letter cannot close before it was issued.",
    path: ["closedAt"],
  })
  .refine((w) => w.status === "CLOSED" || !w.closedAt, {
    message: "Only a closed letter has a close-out date.",
    path: ["closedAt"],
  });
export const ZAddRecallInput = z.object({
  vendorId: ZId,
  siteId: ZId.nullish().transform((v) => v ?? null),
  date: ZPastDay,
  classification: z
    .enum(["I", "II", "III"])
    .nullish()
    .transform((v) => v ?? null),
  product: optText(300),
  reason: optText(1000, true),
});
export const ZRemoveHistoryInput = z.object({ kind: z.enum(["inspection", "warningLetter", "recall"]), id: ZId });

export const ZAddNoteInput = z.object({
  vendorId: ZId,
  body: zText({ min: 1, minMessage: "Write something first.", max: 5000, multiline: true }),
});
export const ZNoteIdInput = z.object({ noteId: ZId });
export const ZTag = z
  .string()
  .max(400, "A tag has at most 40 characters.")
  .transform((t) => t.trim().replace(/\s+/g, " "))
  .pipe(zText({ min: 1, max: 40, maxMessage: "A tag has at most 40 characters." }));
export const ZSetTagsInput = z.object({
  vendorId: ZId,
  tags: z.array(ZTag).max(20, "At most 20 tags per vendor."),
  // The tags the caller last read: the replacement happens only if they are still the stored ones.
  expectedTags: z.array(zText({ max: 40 })).max(100),
});

export const ZSaveFilterInput = z.object({ name: zText({ min: 1, max: 80 }), query: ZDirectoryFilter });
export const ZFilterIdInput = z.object({ filterId: ZId });
export const ZPlatformProfilesInput = z.object({ q: zSearch(120).optional() });

// ---------- CSV import ----------

export const IMPORT_MAX_ROWS = 100_000;
export const IMPORT_CHUNK = 1000;
export const ZImportKind = z.enum(["INSPECTIONS", "WARNING_LETTERS"]);
export const ZImportStartInput = z.object({
  kind: ZImportKind,
  fileName: zText({ min: 1, max: 255 }),
  totalRows: zInt({
    min: 0,
    max: IMPORT_MAX_ROWS,
    maxMessage: `A file can have at most ${IMPORT_MAX_ROWS.toLocaleString("en")} rows.`,
  }),
  header: z
    .array(zText({ max: 200, trim: false }))
    .min(1)
    .max(100),
});
export const ZImportStageInput = z.object({
  importId: ZId,
  rows: z
    .array(
      z.object({
        // Line 1 is the header; a file has at most IMPORT_MAX_ROWS data lines (plus blank and quoted multi-line ones).
        line: zInt({ min: 2, max: 10_000_000 }),
        data: z.record(zText({ max: 200, trim: false }), zText({ max: 5000, trim: false, multiline: true })),
      }),
    )
    .max(IMPORT_CHUNK, `Send at most ${IMPORT_CHUNK} rows per call.`),
});
export const ZImportIdInput = z.object({ importId: ZId });
