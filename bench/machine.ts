import os from "node:os";

/** "2.3 / 4.8 / 6.5": the 1, 5 and 15 minute load averages a bench figure was taken under. */
export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");
