"use client";

import { useEffect, useState, type ComponentType, type ReactNode } from "react";
import type { ExternalToast, ToasterProps } from "sonner";

// Toasts are shown by sonner, which loads with the first toast instead of with every page
// (it is 9 KB gzip of every route's first load otherwise). The host in the root layout mounts
// sonner's <Toaster> once the library has loaded; a toast waits for that mount, because sonner
// drops toasts published while no <Toaster> is listening.
type Sonner = typeof import("sonner");
type Kind = "success" | "error" | "warning" | "info";

let loading: Promise<Sonner> | undefined;
let loaded: Sonner | undefined;
let mounted: () => void = () => {};
const hostReady = new Promise<void>((resolve) => (mounted = resolve));
let onLoaded: ((s: Sonner) => void) | undefined;

function loadSonner(): Promise<Sonner> {
  return (loading ??= import("sonner").then((s) => {
    loaded = s;
    onLoaded?.(s);
    return s;
  }));
}

function show(kind: Kind, message: ReactNode, data?: ExternalToast) {
  void loadSonner().then(async (s) => {
    await hostReady;
    s.toast[kind](message, data);
  });
}

export const toast = {
  success: (message: ReactNode, data?: ExternalToast) => show("success", message, data),
  error: (message: ReactNode, data?: ExternalToast) => show("error", message, data),
  warning: (message: ReactNode, data?: ExternalToast) => show("warning", message, data),
  info: (message: ReactNode, data?: ExternalToast) => show("info", message, data),
};

const toasterProps: ToasterProps = {
  closeButton: true,
  toastOptions: { classNames: { toast: "!text-ink", description: "!text-ink-muted" } },
};

export function ToastHost() {
  const [Toaster, setToaster] = useState<ComponentType<ToasterProps> | null>(() => loaded?.Toaster ?? null);
  useEffect(() => {
    onLoaded = (s) => setToaster(() => s.Toaster);
    if (loaded) onLoaded(loaded);
    return () => void (onLoaded = undefined);
  }, []);
  useEffect(() => {
    if (Toaster) mounted();
  }, [Toaster]);
  return Toaster ? <Toaster {...toasterProps} /> : null;
}
