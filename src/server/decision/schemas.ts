// One import point for the zod schemas, so forms and routers use exactly what the core validates with.
export * from "./scorecard-schema";
export * from "./acceptability-schema";
export * from "./portfolio-schema";
export { ZQualityScoreInput, type TQualityScoreInput } from "./quality-score";
