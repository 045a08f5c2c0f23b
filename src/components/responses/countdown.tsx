"use client";

import { useEffect, useRef, useState } from "react";

function parts(ms: number) {
  const s = Math.max(0, Math.floor(ms / 1000));
  return { d: Math.floor(s / 86400), h: Math.floor((s % 86400) / 3600), m: Math.floor((s % 3600) / 60), s: s % 60 };
}

/**
 * Time left until `until`, ticking each second; calls `onDone` once when it reaches zero. The
 * visible text ticks; screen readers get the same text without a live region (no chatter).
 */
export function Countdown({ until, onDone }: { until: Date; onDone?: () => void }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, []);
  const left = now === null ? null : until.getTime() - now;
  const done = left !== null && left <= 0;
  const callback = useRef(onDone);
  useEffect(() => {
    callback.current = onDone;
  });
  useEffect(() => {
    if (done) callback.current?.();
  }, [done]);
  if (left === null) return <span>…</span>;
  if (left <= 0) return <span>now</span>;
  const p = parts(left);
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    <span className="font-mono tabular-nums">
      {p.d > 0 ? `${p.d} d ` : ""}
      {pad(p.h)}:{pad(p.m)}:{pad(p.s)}
    </span>
  );
}
