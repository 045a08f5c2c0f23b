// Browser-safe limits of the CDMO portal's inputs, without the zod schemas that use them.
export const DECLINE_REASON_MAX = 2000;
