import { z } from "zod";
import { MIN_PASSWORD_LENGTH, passwordWeakness } from "../auth/password-policy";

export const ZEmail = z.string().trim().toLowerCase().email("Enter a valid e-mail address.").max(254);
export const ZPersonName = z.string().trim().min(1, "Enter your name.").max(120);
export const ZOrgName = z.string().trim().min(2, "Enter the organisation's name.").max(120);
export const ZNewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(256)
  .superRefine((pw, ctx) => {
    // Length has its own message above; report only the other rules here.
    const why = pw.length >= MIN_PASSWORD_LENGTH ? passwordWeakness(pw) : null;
    if (why) ctx.addIssue({ code: "custom", message: why });
  });

export const ZSignUpInput = z.object({
  name: ZPersonName,
  email: ZEmail,
  password: ZNewPassword,
  organizationName: ZOrgName,
  organizationKind: z.enum(["SPONSOR", "CDMO"]),
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export const ZRequestResetInput = z.object({ email: ZEmail });
export const ZResetPasswordInput = z.object({ token: z.string().min(20).max(200), password: ZNewPassword });
export const ZChangePasswordInput = z.object({ currentPassword: z.string().min(1).max(256), newPassword: ZNewPassword });
