// Shared by the vendor routers. Each procedure names its permission with
// `orgProcedure("...")`; which kinds and roles hold it is in src/server/auth/permissions.ts.

export const actorOf = (u: { id: string; email: string }) => ({ id: u.id, email: u.email });
