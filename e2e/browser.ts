import fs from "node:fs";

// Playwright cannot download its own browsers on these machines. Use, in order:
// PLAYWRIGHT_CHROMIUM_PATH, Debian's Chromium (/usr/bin/chromium), or the headless
// Chromium that ships inside the @sparticuz/chromium npm package (so `npm ci && npm test`
// needs nothing installed by hand).
export async function chromiumPath(): Promise<string> {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  for (const p of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (fs.existsSync(p)) return p;
  const { default: chromium } = await import("@sparticuz/chromium");
  return chromium.executablePath();
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
