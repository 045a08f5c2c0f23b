import { z } from "zod";
import { MIN_PASSWORD_LENGTH, passwordWeakness } from "../auth/password-policy";
import { zEmail, zPassword, zText, zToken } from "../validation";

export const ZEmail = zEmail;
export const ZPersonName = zText({ min: 1, minMessage: "Enter your name.", max: 120 });
export const ZOrgName = zText({ min: 2, minMessage: "Enter the organisation's name.", max: 120 });
export const ZNewPassword = zPassword({
  min: MIN_PASSWORD_LENGTH,
  minMessage: `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
}).superRefine((pw, ctx) => {
  // Length has its own message above; report only the other rules here.
  const why = pw.length >= MIN_PASSWORD_LENGTH ? passwordWeakness(pw) : null;
  if (why) ctx.addIssue({ code: "custom", message: why });
});
export const ZOrgKind = z.enum(["SPONSOR", "CDMO"]);

/**
 * Where to continue after the e-mailed confirmation and sign-in (an RFP invitation link, say): a
 * path on this site. The login page checks it again with safeCallbackPath.
 */
export const ZNextPath = z
  .string()
  .max(300)
  .regex(/^\/(?![/\\])[A-Za-z0-9\-._~/?=&%]*$/, "Must be a path on this site.");

export const ZSignUpInput = z.object({
  name: ZPersonName,
  email: ZEmail,
  password: ZNewPassword,
  organizationName: ZOrgName,
  organizationKind: ZOrgKind,
  next: ZNextPath.optional(),
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export const ZRequestResetInput = z.object({ email: ZEmail });
export const ZResetPasswordInput = z.object({ token: zToken, password: ZNewPassword });
export const ZChangePasswordInput = z.object({ currentPassword: zPassword(), newPassword: ZNewPassword });
export const ZConfirmSignUpInput = z.object({ token: zToken });
export const ZSignUpWithInvitationInput = z.object({ token: zToken, name: ZPersonName, password: ZNewPassword });
export const ZCreateOrganizationInput = z.object({ name: ZOrgName, kind: ZOrgKind });
