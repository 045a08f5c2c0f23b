import { router } from "../trpc";
import { rfpCoreProcedures } from "./rfp-core";
import { rfpEditProcedures } from "./rfp-edit";
import { rfpLifecycleProcedures } from "./rfp-lifecycle";

// One `rfp` router composed from the files of each area (rfp-<area>.ts).
export const rfpRouter = router({
  ...rfpCoreProcedures,
  ...rfpEditProcedures,
  ...rfpLifecycleProcedures,
});
