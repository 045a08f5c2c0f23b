export const PASSWORD_RULE = "At least 12 characters, not a common password.";
