// The length rule alone, for the browser: password-policy.ts carries the common-password list,
// which only the server loads.
export const MIN_PASSWORD_LENGTH = 12;
