import { getDb } from "../../db/client";
import { viewRfpInvite } from "../../rfps/invitation-claim";
import { ZRfpInviteTokenInput } from "../../rfps/invitation-schemas";
import { publicProcedure } from "../trpc";

// The e-mailed RFP invitation link works before anyone signs in: the token is the credential,
// and it shows the RFP's title and the sponsor's name, nothing else. No organisation is known
// yet, hence the unscoped client (allow-listed in eslint.config.js for this file alone).
export const rfpInviteLinkProcedures = {
  byToken: publicProcedure
    .input(ZRfpInviteTokenInput)
    .query(async ({ input }) => viewRfpInvite(await getDb(), input.token)),
};
