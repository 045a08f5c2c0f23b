// Shared by the tRPC route and the browser's batch link, so the client never sends a batch
// the server refuses. A page's batch is a handful of procedures; without a cap one GET of
// ~1,200 procedures (as long as a URL may be) made the server do a thousand requests' work.
export const MAX_BATCH_SIZE = 25;
