import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import type { OrgKind, Role } from "@/server/api/roles";

// Everything the vendor screens render comes from the router's own output types, so a
// change on the server shows up here as a type error rather than a blank cell.
type Out = inferRouterOutputs<AppRouter>["vendors"];
type In = inferRouterInputs<AppRouter>["vendors"];

export type DirectoryInput = In["directory"];
export type DirectoryResult = Out["directory"];
export type DirectoryItem = DirectoryResult["items"][number];
export type VendorDetail = Out["get"];
export type VendorInfo = VendorDetail["vendor"];
export type VendorSiteRow = VendorDetail["sites"][number];
export type VendorHistory = VendorDetail["history"];
export type InspectionRow = VendorHistory["inspections"][number];
export type WarningLetterRow = VendorHistory["warningLetters"][number];
export type RecallRow = VendorHistory["recalls"][number];
export type QualityInfo = VendorDetail["quality"];
export type CompareEntry = Out["compare"][number];
export type ImportPreview = Out["importPreview"];
export type ImportStageResult = Out["importStage"];

/** Who is looking: decides which controls appear (the server enforces the same rules). */
export type VendorViewer = { orgSlug: string; kind: OrgKind; role: Role };
