import { Prisma } from "./generated/client";

/** The value that stores SQL NULL in a nullable Json column (plain null is refused by the client for Json). */
export const DB_NULL = Prisma.DbNull;
