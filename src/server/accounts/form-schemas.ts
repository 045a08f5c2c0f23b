import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "../auth/password-rules";
import { zEmail, zPassword, zText } from "../validation";

// What the account forms check in the browser. Browser-safe, and without the common-password
// list (61 KB gzip): the server's inputs (./schemas) add that check, and the forms show its
// answer under the password field like any other.
export const ZEmail = zEmail;
export const ZPersonName = zText({ min: 1, minMessage: "Enter your name.", max: 120 });
export const ZOrgName = zText({ min: 2, minMessage: "Enter the organisation's name.", max: 120 });
export const ZNewPasswordShape = zPassword({
  min: MIN_PASSWORD_LENGTH,
  minMessage: `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
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

export const ZLoginForm = z.object({ email: ZEmail, password: z.string().min(1, "Enter your password.").max(256) });
export const ZSignUpForm = z.object({
  name: ZPersonName,
  email: ZEmail,
  password: ZNewPasswordShape,
  organizationName: ZOrgName,
  organizationKind: ZOrgKind,
  next: ZNextPath.optional(),
});
export const ZRequestResetInput = z.object({ email: ZEmail });
export const ZNewPasswordForm = z.object({ password: ZNewPasswordShape });
export const ZInviteSignUpForm = z.object({ name: ZPersonName, password: ZNewPasswordShape });
export const ZChangePasswordForm = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(256),
  newPassword: ZNewPasswordShape,
});
export const ZCreateOrganizationInput = z.object({ name: ZOrgName, kind: ZOrgKind });
