"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import Link from "next/link";
import type { BoardCard as Card } from "@/server/shortlist/board";
import { SHORTLIST_STAGES, type ShortlistStage } from "@/server/shortlist/stages";
import { stageLabel as catalogStage } from "@/server/vendors/catalog";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import { DropdownMenu, DropdownMenuItem, DropdownMenuSeparator } from "../ui/dropdown-menu";
import { OpenWarningLetterBadge, QualityBadge } from "../vendors/quality-badge";
import { VoteButtons } from "./vote-buttons";
import { focusCardMenu, menuId } from "./card-menu";

export type CardActions = {
  writer: boolean;
  orgSlug: string;
  /** Move the card to `stage` at `index` (0-based). */
  moveTo: (card: Card, stage: ShortlistStage, index: number) => void;
  vote: (card: Card, value: 1 | -1 | 0) => void;
  votePending: (card: Card) => boolean;
  remove: (card: Card) => void;
  openComments: (card: Card) => void;
};

/** Put focus back on a card's menu button once it has rendered in its new place. */

function CardBody({
  card,
  index,
  count,
  actions,
  handle,
}: {
  card: Card;
  index: number;
  count: number;
  actions: CardActions;
  handle?: Record<string, unknown>;
}) {
  const { vendor } = card;
  const others = SHORTLIST_STAGES.filter((s) => s.code !== card.stage);
  return (
    <>
      <div className="flex items-start gap-2">
        {handle ? (
          <button
            type="button"
            {...handle}
            aria-label={`Drag ${vendor.name}`}
            className="mt-0.5 flex h-7 w-5 shrink-0 cursor-grab touch-none items-center justify-center rounded text-ink-muted hover:bg-canvas"
          >
            <svg aria-hidden="true" viewBox="0 0 10 16" className="h-4 w-2.5 fill-current">
              {[2, 8, 14].map((y) => (
                <g key={y}>
                  <circle cx="2" cy={y} r="1.4" />
                  <circle cx="8" cy={y} r="1.4" />
                </g>
              ))}
            </svg>
          </button>
        ) : null}
        <div className="min-w-0 flex-1">
          <h3 className="text-sm leading-snug font-semibold text-ink">
            <Link href={`/${actions.orgSlug}/vendors/${vendor.id}`} className="hover:underline">
              {vendor.name}
            </Link>
          </h3>
          <div className="mt-1.5 flex flex-wrap gap-1">
            <Badge tone={vendor.kind === "PLATFORM" ? "brand" : "neutral"}>
              {vendor.kind === "PLATFORM" ? "Platform" : "Private"}
            </Badge>
            <QualityBadge score={vendor.qualityScore} />
            {vendor.hasOpenWarningLetter ? <OpenWarningLetterBadge /> : null}
          </div>
          {vendor.stages.length ? (
            <p className="mt-1.5 line-clamp-2 text-xs text-ink-muted">
              <span className="sr-only">Stages: </span>
              {vendor.stages.map(catalogStage).join(" · ")}
            </p>
          ) : null}
        </div>
        {actions.writer ? (
          <DropdownMenu
            label={`Actions for ${vendor.name}`}
            trigger={
              <Button
                id={menuId(card.id)}
                variant="ghost"
                size="sm"
                className="-mt-1 -mr-1 h-7 px-1.5"
                aria-label={`Actions for ${vendor.name}`}
              >
                <svg aria-hidden="true" viewBox="0 0 16 4" className="h-1 w-4 fill-current">
                  <circle cx="2" cy="2" r="1.6" />
                  <circle cx="8" cy="2" r="1.6" />
                  <circle cx="14" cy="2" r="1.6" />
                </svg>
              </Button>
            }
            onCloseAutoFocus={(e) => {
              // The card may have moved to another column: focus its menu button there instead.
              e.preventDefault();
              focusCardMenu(card.id);
            }}
          >
            {others.map((s) => (
              <DropdownMenuItem key={s.code} onSelect={() => actions.moveTo(card, s.code, Number.MAX_SAFE_INTEGER)}>
                Move to {s.label.toLowerCase()}
              </DropdownMenuItem>
            ))}
            {index > 0 ? (
              <DropdownMenuItem onSelect={() => actions.moveTo(card, card.stage, index - 1)}>Move up</DropdownMenuItem>
            ) : null}
            {index < count - 1 ? (
              <DropdownMenuItem onSelect={() => actions.moveTo(card, card.stage, index + 1)}>
                Move down
              </DropdownMenuItem>
            ) : null}
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={() => actions.openComments(card)}>Comments</DropdownMenuItem>
            <DropdownMenuItem className="text-danger-700" onSelect={() => actions.remove(card)}>
              Remove from shortlist
            </DropdownMenuItem>
          </DropdownMenu>
        ) : null}
      </div>
      <div className="mt-2.5 flex items-center justify-between gap-2">
        <VoteButtons
          name={vendor.name}
          votes={card.votes}
          writable={actions.writer}
          pending={actions.votePending(card)}
          onVote={(v) => actions.vote(card, v)}
        />
        <Button variant="ghost" size="sm" className="h-7 px-2" onClick={() => actions.openComments(card)}>
          <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4 fill-none stroke-current" strokeWidth="1.5">
            <path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z" strokeLinejoin="round" />
          </svg>
          {card.commentCount}
          <span className="sr-only">
            {card.commentCount === 1 ? " comment" : " comments"} on {vendor.name}
          </span>
        </Button>
      </div>
    </>
  );
}

const cardClass = "rounded-md border border-line bg-surface p-3 shadow-sm";

/** A card that can be dragged (pointer, or keyboard on its handle) within and across columns. */
export function SortableCard(props: { card: Card; index: number; count: number; actions: CardActions }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: props.card.id,
    data: { stage: props.card.stage },
    disabled: !props.actions.writer,
  });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cn(cardClass, isDragging && "opacity-40")}
      data-testid="shortlist-card"
    >
      <CardBody
        {...props}
        handle={props.actions.writer ? { ref: setActivatorNodeRef, ...attributes, ...listeners } : undefined}
      />
    </li>
  );
}

/** The card under the pointer while it is dragged. */
export function CardPreview({ card }: { card: Card }) {
  return (
    <div className={cn(cardClass, "w-64 rotate-1 shadow-lg ring-2 ring-brand-500")}>
      <p className="text-sm font-semibold text-ink">{card.vendor.name}</p>
      <p className="mt-1 text-xs text-ink-muted">
        {card.votes.up} for · {card.votes.down} against
      </p>
    </div>
  );
}
