/**
 * "HLX-204 development & clinical" -> "hlx-204-development-clinical": a file name from a title,
 * for every download the app names (exports, the decision input). Browser-safe.
 */
export function titleSlug(title: string, fallback = "rfp"): string {
  return (
    title
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, "-")
      .slice(0, 60)
      .replace(/-+$/, "") || fallback
  );
}
