import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { NotificationList } from "@/components/notifications/notification-list";
import { PageHeader } from "@/components/ui/page-header";
import { currentUser } from "@/trpc/server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Notifications" };

/** A person's notifications, from every organisation they belong to. */
export default async function NotificationsPage() {
  if (!(await currentUser())) redirect("/login?callbackUrl=/notifications");
  return (
    <>
      <PageHeader
        title="Notifications"
        description={
          <>
            What happened on the RFPs you work on, from every organisation you belong to. Choose which ones also arrive
            by e-mail on your{" "}
            <Link href="/account#notifications" className="text-brand-700 underline hover:text-brand-900">
              account page
            </Link>
            .
          </>
        }
      />
      <NotificationList />
    </>
  );
}
