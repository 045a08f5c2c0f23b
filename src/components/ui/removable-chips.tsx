"use client";

/**
 * A row of chips, each with its own labelled remove button (or none when read-only). Used by
 * chip inputs and by multi-value filters.
 */
export function RemovableChips({
  label,
  items,
  onRemove,
  removeLabel = (text) => `Remove ${text}`,
}: {
  /** The list's accessible name. */
  label: string;
  items: readonly { value: string; text: string }[];
  /** Omitted: the chips cannot be removed. */
  onRemove?: (value: string) => void;
  removeLabel?: (text: string) => string;
}) {
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label={label}>
      {items.map((item) => (
        <li
          key={item.value}
          className="inline-flex items-center rounded-full border border-brand-200 bg-brand-50 pl-2.5 text-xs text-brand-900"
        >
          {item.text}
          {onRemove ? (
            <button
              type="button"
              className="ml-1 rounded-full px-1.5 py-0.5 hover:bg-brand-100"
              aria-label={removeLabel(item.text)}
              onClick={() => onRemove(item.value)}
            >
              <span aria-hidden="true">×</span>
            </button>
          ) : (
            <span className="pr-2.5" />
          )}
        </li>
      ))}
    </ul>
  );
}
