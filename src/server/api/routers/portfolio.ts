import { proposeDecision, signDecision, withdrawDecision } from "../../portfolio/decisions";
import { decisionReport } from "../../portfolio/report";
import { archiveScenario, createScenario, saveScenario, saveSimulation } from "../../portfolio/scenarios";
import {
  ZPortfolioGetInput,
  ZPortfolioReportInput,
  ZProposeInput,
  ZScenarioCreateInput,
  ZScenarioRefInput,
  ZScenarioSaveInput,
  ZSignInput,
  ZSimulationSaveInput,
  ZWithdrawInput,
} from "../../portfolio/schemas";
import { portfolioView } from "../../portfolio/view";
import { orgProcedure, router } from "../trpc";
import { actorOf } from "./vendors-procedures";

// A programme's portfolio comparison and its decision: thin procedures over src/server/portfolio.
// The comparison itself is not a procedure: `get` returns the facts and the scenarios, and the
// page builds the problem and runs the decision core in the browser (a Web Worker for the long
// runs), the same code `cdmo` runs.
export const portfolioRouter = router({
  get: orgProcedure("portfolio.read")
    .input(ZPortfolioGetInput)
    .query(({ ctx, input }) => portfolioView(ctx.db, ctx.org, ctx.user.id, input)),
  /** The decision report as a PDF (base64), generated now by the server. */
  report: orgProcedure("portfolio.read", { limit: "report" })
    .input(ZPortfolioReportInput)
    .query(({ ctx, input }) => decisionReport(ctx.db, ctx.org, ctx.user.id, input)),
  createScenario: orgProcedure("portfolio.write")
    .input(ZScenarioCreateInput)
    .mutation(({ ctx, input }) => createScenario(ctx.db, actorOf(ctx.user), ctx.org, input)),
  saveScenario: orgProcedure("portfolio.write")
    .input(ZScenarioSaveInput)
    .mutation(({ ctx, input }) => saveScenario(ctx.db, actorOf(ctx.user), ctx.org, input)),
  deleteScenario: orgProcedure("portfolio.write")
    .input(ZScenarioRefInput)
    .mutation(({ ctx, input }) => archiveScenario(ctx.db, actorOf(ctx.user), input)),
  saveSimulation: orgProcedure("portfolio.write", { limit: "simulation" })
    .input(ZSimulationSaveInput)
    .mutation(({ ctx, input }) => saveSimulation(ctx.db, actorOf(ctx.user), ctx.org, input)),
  propose: orgProcedure("decision.propose")
    .input(ZProposeInput)
    .mutation(({ ctx, input }) => proposeDecision(ctx.db, actorOf(ctx.user), ctx.org, ctx.user.id, input)),
  sign: orgProcedure("decision.sign")
    .input(ZSignInput)
    .mutation(({ ctx, input }) => signDecision(ctx.db, actorOf(ctx.user), ctx.org, ctx.user.id, input)),
  withdraw: orgProcedure("decision.propose")
    .input(ZWithdrawInput)
    .mutation(({ ctx, input }) => withdrawDecision(ctx.db, actorOf(ctx.user), ctx.org, input)),
});
