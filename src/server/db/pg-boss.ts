// pg-boss is CommonJS with `export =` typings; one import site for the ESM code base.
import PgBoss from "pg-boss";

export { PgBoss };
export type { Job, SendOptions, ConstructorOptions, WorkOptions } from "pg-boss";
