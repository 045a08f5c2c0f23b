import { z } from "zod";
import { MIN_PASSWORD_LENGTH, passwordWeakness } from "../auth/password-policy";
import { zPassword, zToken } from "../validation";
import { ZNewPasswordShape, ZPersonName, ZSignUpForm } from "./form-schemas";

// The account procedures' inputs: the browser forms' schemas (./form-schemas) plus the
// common-password rule, which only the server checks.
export {
  ZCreateOrganizationInput,
  ZEmail,
  ZNextPath,
  ZOrgKind,
  ZOrgName,
  ZPersonName,
  ZRequestResetInput,
} from "./form-schemas";

export const ZNewPassword = ZNewPasswordShape.superRefine((pw, ctx) => {
  // Length has its own message above; report only the other rules here.
  const why = pw.length >= MIN_PASSWORD_LENGTH ? passwordWeakness(pw) : null;
  if (why) ctx.addIssue({ code: "custom", message: why });
});

export const ZSignUpInput = ZSignUpForm.extend({ password: ZNewPassword });
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export const ZResetPasswordInput = z.object({ token: zToken, password: ZNewPassword });
export const ZChangePasswordInput = z.object({ currentPassword: zPassword(), newPassword: ZNewPassword });
export const ZConfirmSignUpInput = z.object({ token: zToken });
export const ZSignUpWithInvitationInput = z.object({ token: zToken, name: ZPersonName, password: ZNewPassword });
