import { orgProcedure, requireKind, requireRole } from "../trpc";

// Procedure bases of the vendor routers. Reads need any role; sponsor writes need EVALUATOR+
// and the CDMO's profile needs ADMIN+ (checked in the services, which know whose record it is).

export const actorOf = (u: { id: string; email: string }) => ({ id: u.id, email: u.email });

/** Any member of any organisation (profile, comparison). */
export const vendorRead = orgProcedure.use(requireRole("VIEWER"));
/** Sponsor organisations only: directory, private records, notes, tags, imports. */
export const sponsorRead = orgProcedure.use(requireKind("SPONSOR")).use(requireRole("VIEWER"));
export const sponsorWrite = orgProcedure.use(requireKind("SPONSOR")).use(requireRole("EVALUATOR"));
/** The CDMO's own platform profile. */
export const cdmoRead = orgProcedure.use(requireKind("CDMO"));
export const cdmoAdmin = orgProcedure.use(requireKind("CDMO")).use(requireRole("ADMIN"));
/** Sites and history: a sponsor from EVALUATOR up, a CDMO from ADMIN up (enforced by the service). */
export const vendorWrite = orgProcedure.use(requireRole("EVALUATOR"));
