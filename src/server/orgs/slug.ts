/** A URL-safe slug from an organisation name: "Acme Bio, Inc." -> "acme-bio-inc". */
export function slugify(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/g, "");
  return s || "org";
}

// Slugs that would collide with top-level routes.
export const RESERVED_SLUGS = new Set([
  "api",
  "login",
  "signup",
  "logout",
  "invite",
  "reset-password",
  "forgot-password",
  "account",
  "dev",
  "orgs",
  "new",
  "_next",
]);
