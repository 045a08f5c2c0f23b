import { createCallerFactory, router } from "./trpc";
import { accountRouter } from "./routers/account";
import { auditRouter } from "./routers/audit";
import { bidsRouter } from "./routers/bids";
import { clarificationRouter } from "./routers/clarification";
import { evaluationRouter } from "./routers/evaluation";
import { responsesRouter } from "./routers/responses";
import { fileRouter } from "./routers/file";
import { invitationRouter } from "./routers/invitation";
import { membersRouter } from "./routers/members";
import { notificationRouter } from "./routers/notification";
import { organizationRouter } from "./routers/organization";
import { overviewRouter } from "./routers/overview";
import { portalRouter } from "./routers/portal";
import { rfpInvitationRouter } from "./routers/rfp-invitation";
import { programmeRouter } from "./routers/programme";
import { rfpRouter } from "./routers/rfp";
import { shortlistRouter } from "./routers/shortlist";
import { portfolioRouter } from "./routers/portfolio";
import { vendorsRouter } from "./routers/vendors";

export const appRouter = router({
  account: accountRouter,
  organization: organizationRouter,
  overview: overviewRouter,
  members: membersRouter,
  invitation: invitationRouter,
  audit: auditRouter,
  vendors: vendorsRouter,
  notification: notificationRouter,
  rfp: rfpRouter,
  bids: bidsRouter,
  rfpInvitation: rfpInvitationRouter,
  portal: portalRouter,
  responses: responsesRouter,
  programme: programmeRouter,
  file: fileRouter,
  clarification: clarificationRouter,
  evaluation: evaluationRouter,
  shortlist: shortlistRouter,
  portfolio: portfolioRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
