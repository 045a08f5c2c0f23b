import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SkipLink } from "@/components/shell/skip-link";
import { TopBar } from "@/components/shell/top-bar";
import { currentUser } from "@/trpc/server";

export const dynamic = "force-dynamic";

/** Signed-in pages that belong to the person rather than to one organisation. */
export default async function UserLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <TopBar user={{ name: user.name, email: user.email }} />
      <main id="main" tabIndex={-1} className="flex-1 px-4 py-8 sm:px-8 focus:outline-none">
        <div className="mx-auto max-w-3xl">{children}</div>
      </main>
    </div>
  );
}
