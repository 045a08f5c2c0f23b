import fs from "node:fs";
import path from "node:path";

// Every page and API route of the app, read from src/app, so a route added later is
// covered by the header test without editing it. Dynamic segments get sample values.
const SAMPLE: Record<string, string> = {
  orgSlug: "helix-therapeutics",
  vendorId: "00000000-0000-4000-8000-000000000000",
  programmeId: "00000000-0000-4000-8000-000000000001",
  rfpId: "00000000-0000-4000-8000-000000000002",
  fileId: "f000000000000000000000000",
  token: "x".repeat(32),
  trpc: "account.me",
  "...nextauth": "session",
};

export type AppRoute = { kind: "page" | "api"; url: string; file: string };

export function appRoutes(appDir = path.join(process.cwd(), "src", "app")): AppRoute[] {
  const out: AppRoute[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        // Route groups "(x)" add nothing to the URL; "_private" folders are not routes.
        if (entry.name.startsWith("_")) continue;
        walk(full, /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]);
      } else if (/^(page|route)\.(tsx?|jsx?)$/.test(entry.name)) {
        const url =
          "/" +
          segments
            .map((s) => {
              const m = /^\[\[?(.+?)\]?\]$/.exec(s);
              if (!m) return s;
              const sample = SAMPLE[m[1]!];
              if (!sample) throw new Error(`e2e/routes.ts: add a sample value for [${m[1]}] (${full})`);
              return sample;
            })
            .join("/");
        out.push({
          kind: entry.name.startsWith("page") ? "page" : "api",
          url,
          file: path.relative(process.cwd(), full),
        });
      }
    }
  };
  walk(appDir, []);
  return out.sort((a, b) => a.url.localeCompare(b.url));
}
