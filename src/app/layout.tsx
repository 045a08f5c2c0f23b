import type { Metadata } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { ToastHost } from "@/components/ui/toast";
import { TRPCReactProvider } from "@/trpc/react";
// Inter, served from the app (the font files are bundled as static assets; no font CDN).
import "@fontsource-variable/inter";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "CDMO Select", template: "%s · CDMO Select" },
  description: "Choose contract manufacturers with your team, and answer RFPs as a CDMO.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: the CSP nonce (src/proxy.ts) differs on each one, and a
  // page prerendered at build time would carry scripts without it, which browsers refuse.
  await connection();
  return (
    <html lang="en">
      <body className="font-sans">
        <TRPCReactProvider>{children}</TRPCReactProvider>
        <ToastHost />
      </body>
    </html>
  );
}
