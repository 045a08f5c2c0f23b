import type { ReactNode } from "react";
import { NotificationBell } from "../notifications/notification-bell";
import { Brand } from "./brand";
import { UserMenu } from "./user-menu";

/** Header used by every signed-in page: brand, optional middle slot (org switcher), user menu. */
export function TopBar({ user, children }: { user: { name: string | null; email: string }; children?: ReactNode }) {
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-surface/95 backdrop-blur">
      <div className="flex h-14 items-center gap-4 px-4 sm:px-6">
        <Brand />
        <div className="min-w-0 flex-1">{children}</div>
        <NotificationBell />
        <UserMenu user={user} />
      </div>
    </header>
  );
}
