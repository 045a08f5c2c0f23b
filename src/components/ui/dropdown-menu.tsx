"use client";

import {
  cloneElement,
  isValidElement,
  useState,
  type ComponentProps,
  type KeyboardEvent,
  type PointerEvent,
  type ReactElement,
  type ReactNode,
} from "react";
import type * as Radix from "./dropdown-menu-radix";

// Menus (the shell's user menu, organisation switcher and notifications, card actions) use Radix,
// whose menu, popper and focus code is about 30 KB gzip: more than any page needs before a menu is
// opened. Until then the trigger is the plain button, and Radix loads when the pointer comes near
// it or it gets focus; the first press opens the Radix menu as if it had been there all along.
type Impl = typeof Radix;
let impl: Impl | undefined;
let loading: Promise<Impl> | undefined;
const load = () => (loading ??= import("./dropdown-menu-radix").then((m) => (impl = m)));

type MenuProps = ComponentProps<Impl["DropdownMenu"]>;
type TriggerProps = {
  onPointerDown?: (e: PointerEvent<HTMLElement>) => void;
  onKeyDown?: (e: KeyboardEvent<HTMLElement>) => void;
  onPointerEnter?: () => void;
  onFocus?: () => void;
  "aria-haspopup"?: "menu";
  "aria-expanded"?: boolean;
};

export function DropdownMenu(props: MenuProps) {
  const [loaded, setLoaded] = useState<Impl | undefined>(impl);
  const [openOnLoad, setOpenOnLoad] = useState<"pointer" | "keyboard" | null>(null);
  if (loaded)
    return (
      <loaded.DropdownMenu
        {...props}
        defaultOpen={!!openOnLoad || props.defaultOpen}
        focusFirstItem={openOnLoad === "keyboard"}
      />
    );

  const open = (how: "pointer" | "keyboard") => {
    setOpenOnLoad(how);
    // Radix reports changes, not the open state it starts in: say so here, as it would have.
    props.onOpenChange?.(true);
    void load().then(setLoaded);
  };
  const trigger = props.trigger as ReactNode;
  if (!isValidElement<TriggerProps>(trigger)) return trigger;
  return cloneElement(trigger as ReactElement<TriggerProps>, {
    "aria-haspopup": "menu",
    "aria-expanded": false,
    onPointerEnter: () => void load(),
    onFocus: () => void load(),
    onPointerDown: (e) => {
      if (e.button === 0 && !e.ctrlKey) open("pointer");
    },
    onKeyDown: (e) => {
      if (e.key === "Enter" || e.key === " " || e.key === "ArrowDown") {
        e.preventDefault();
        open("keyboard");
      }
    },
  });
}

// Rendered only inside an open menu, so the Radix module is there by then.
export function DropdownMenuItem(props: ComponentProps<Impl["DropdownMenuItem"]>) {
  const M = impl!;
  return <M.DropdownMenuItem {...props} />;
}

export function DropdownMenuLabel(props: ComponentProps<Impl["DropdownMenuLabel"]>) {
  const M = impl!;
  return <M.DropdownMenuLabel {...props} />;
}

export function DropdownMenuSeparator() {
  const M = impl!;
  return <M.DropdownMenuSeparator />;
}

export function DropdownMenuGroup(props: ComponentProps<Impl["DropdownMenuGroup"]>) {
  const M = impl!;
  return <M.DropdownMenuGroup {...props} />;
}
