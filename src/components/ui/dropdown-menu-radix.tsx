"use client";

import { DropdownMenu as Menu } from "radix-ui";
import { useEffect, useRef, type ComponentProps, type ReactNode } from "react";
import { cn } from "./cn";

/**
 * Radix DropdownMenu with the app's styling; arrow keys, typeahead and Escape come from Radix.
 * Loaded when a menu is first opened: import from ./dropdown-menu, never from here.
 */
export function DropdownMenu({
  trigger,
  children,
  align = "end",
  label,
  onOpenChange,
  onCloseAutoFocus,
  modal = false,
  defaultOpen,
  focusFirstItem,
}: {
  trigger: ReactNode;
  children: ReactNode;
  align?: "start" | "end";
  label?: string;
  onOpenChange?: (open: boolean) => void;
  /** Called before focus returns to the trigger; `event.preventDefault()` keeps focus where an item put it. */
  onCloseAutoFocus?: (event: Event) => void;
  /**
   * true: the rest of the page is hidden from assistive technology while the menu is open. Off by
   * default: Radix hides it with aria-hidden on elements that keep their focusable links and
   * buttons (axe: aria-hidden-focus, serious), while a menu button's menu needs no modality, as
   * it closes on Escape, on a click outside and when focus leaves it.
   */
  modal?: boolean;
  defaultOpen?: boolean;
  /** Opened by the keyboard before Radix was there: focus the first item, as Radix does then. */
  focusFirstItem?: boolean;
}) {
  const content = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusFirstItem) return;
    // After Radix has focused the menu itself (it does so when it did not see the key press).
    // The content is portalled and positioned over the next frames: try a few.
    let frame = 0;
    let tries = 0;
    const focusFirst = () => {
      const item = content.current?.querySelector<HTMLElement>('[role="menuitem"]:not([data-disabled])');
      if (item) item.focus();
      else if (++tries < 10) frame = requestAnimationFrame(focusFirst);
    };
    frame = requestAnimationFrame(focusFirst);
    return () => cancelAnimationFrame(frame);
  }, [focusFirstItem]);
  return (
    <Menu.Root onOpenChange={onOpenChange} modal={modal} defaultOpen={defaultOpen}>
      <Menu.Trigger asChild>{trigger}</Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align={align}
          sideOffset={6}
          aria-label={label}
          onCloseAutoFocus={onCloseAutoFocus}
          ref={content}
          className="z-50 min-w-56 rounded-md border border-line bg-surface p-1 text-sm text-ink shadow-lg"
        >
          {children}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

const itemClass =
  "flex cursor-pointer select-none items-center gap-2 rounded px-2.5 py-2 outline-none data-[highlighted]:bg-brand-50 data-[highlighted]:text-brand-900 data-[disabled]:opacity-50";

export function DropdownMenuItem({ className, ...rest }: ComponentProps<typeof Menu.Item>) {
  return <Menu.Item className={cn(itemClass, className)} {...rest} />;
}

export function DropdownMenuLabel({ className, ...rest }: ComponentProps<typeof Menu.Label>) {
  return (
    <Menu.Label
      className={cn("px-2.5 py-1.5 text-xs font-semibold tracking-wide text-ink-muted uppercase", className)}
      {...rest}
    />
  );
}

export function DropdownMenuSeparator() {
  return <Menu.Separator className="my-1 h-px bg-line" />;
}

export const DropdownMenuGroup = Menu.Group;
