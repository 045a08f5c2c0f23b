import { z } from "zod";
import { zId } from "../../validation";
import { evaluationExport } from "../../evaluation/export";
import { lockScorecard, overrideScore, recordRationale, unlockScorecard } from "../../evaluation/lead";
import { loadEvaluation } from "../../evaluation/load";
import {
  ZEvaluatorInput,
  ZLockInput,
  ZOverrideInput,
  ZRationaleInput,
  ZRfpIdInput,
  ZSaveScoresInput,
  ZScorecardSetupInput,
  ZUnlockInput,
} from "../../evaluation/schemas";
import { reopenSubmission, saveScores, submitScores } from "../../evaluation/scores";
import { updateScorecard } from "../../evaluation/setup";
import { orgProcedure, router } from "../trpc";
import { actorOf } from "./vendors-procedures";

// An RFP's evaluation: thin procedures over src/server/evaluation. Results are not a procedure:
// `get` returns the decision-core input and the page computes with the same decision code the
// exports and `cdmo scorecard` use.
export const evaluationRouter = router({
  get: orgProcedure("evaluation.read")
    .input(ZRfpIdInput)
    .query(({ ctx, input }) => loadEvaluation(ctx.db, ctx.org, ctx.user.id, input.rfpId)),
  saveScores: orgProcedure("evaluation.score")
    .input(ZSaveScoresInput)
    .mutation(({ ctx, input }) => saveScores(ctx.db, actorOf(ctx.user), ctx.org, input)),
  submit: orgProcedure("evaluation.score")
    .input(ZRfpIdInput)
    .mutation(({ ctx, input }) => submitScores(ctx.db, actorOf(ctx.user), ctx.org, input.rfpId)),
  reopen: orgProcedure("evaluation.manage")
    .input(ZEvaluatorInput)
    .mutation(({ ctx, input }) => reopenSubmission(ctx.db, actorOf(ctx.user), ctx.org, input)),
  setup: orgProcedure("evaluation.manage")
    .input(ZScorecardSetupInput)
    .mutation(({ ctx, input }) => updateScorecard(ctx.db, actorOf(ctx.user), ctx.org, input)),
  override: orgProcedure("evaluation.manage")
    .input(ZOverrideInput)
    .mutation(({ ctx, input }) => overrideScore(ctx.db, actorOf(ctx.user), ctx.org, input)),
  rationale: orgProcedure("evaluation.manage")
    .input(ZRationaleInput)
    .mutation(({ ctx, input }) => recordRationale(ctx.db, actorOf(ctx.user), ctx.org, input)),
  lock: orgProcedure("evaluation.manage")
    .input(ZLockInput)
    .mutation(({ ctx, input }) => lockScorecard(ctx.db, actorOf(ctx.user), ctx.org, input)),
  unlock: orgProcedure("evaluation.manage")
    .input(ZUnlockInput)
    .mutation(({ ctx, input }) => unlockScorecard(ctx.db, actorOf(ctx.user), ctx.org, input)),
  /** The comparison matrix as CSV or XLSX (base64), the same numbers as the results page. */
  export: orgProcedure("evaluation.read", { limit: "export" })
    .input(z.object({ rfpId: zId, format: z.enum(["csv", "xlsx"]) }))
    .query(({ ctx, input }) => evaluationExport(ctx.db, ctx.org, ctx.user.id, input)),
});
