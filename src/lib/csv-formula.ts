/**
 * Cells a spreadsheet would run as a formula: a leading = + - @, tab or CR. papaparse's own
 * `escapeFormulae: true` pattern ends in `.*$`, which misses a cell with a line break after the
 * formula ("=HYPERLINK(…)\nx"), so every CSV export passes this pattern instead.
 */
export const CSV_FORMULA = /^[=+\-@\t\r]/;
