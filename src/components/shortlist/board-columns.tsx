"use client";

import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useId, useRef, useState } from "react";
import type { BoardCard, ShortlistBoard } from "@/server/shortlist/board";
import { SHORTLIST_STAGES, stageLabel, type ShortlistStage } from "@/server/shortlist/stages";
import { cn } from "../ui/cn";
import { CardPreview, SortableCard, type CardActions } from "./board-card";

// The three columns. Cards are dragged by their handle with a pointer, or with the keyboard
// (focus the handle, Space to pick up, arrow keys to move within and across columns, Space to
// drop, Escape to cancel), and each move is read out in the board's own words. Every card's
// menu offers the same moves as commands, for anyone who would rather not drag.

const COLUMN_HINT: Record<ShortlistStage, string> = {
  LONG: "Vendors worth a look.",
  SHORT: "Vendors the team is seriously considering.",
  SELECTED: "The vendors chosen for this programme.",
};

const columnId = (stage: ShortlistStage) => `column:${stage}`;
const STAGE_ORDER = SHORTLIST_STAGES.map((s) => s.code);

/**
 * Left and right arrows take a lifted card to the top of the neighbouring column; up and down
 * move it within a column as dnd-kit's sortable lists do.
 */
const boardKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  const step = event.code === "ArrowRight" ? 1 : event.code === "ArrowLeft" ? -1 : 0;
  if (!step) return sortableKeyboardCoordinates(event, args);
  event.preventDefault();
  const { over, droppableRects, droppableContainers } = args.context;
  const overId = over?.id ?? args.active;
  const stage = String(overId).startsWith("column:")
    ? (String(overId).slice("column:".length) as ShortlistStage)
    : (droppableContainers.get(overId)?.data.current?.stage as ShortlistStage | undefined);
  const next = stage ? STAGE_ORDER[STAGE_ORDER.indexOf(stage) + step] : undefined;
  const rect = next ? droppableRects.get(columnId(next)) : undefined;
  return rect ? { x: rect.left + 8, y: rect.top + 8 } : undefined;
};

function Column({
  column,
  actions,
  highlight,
}: {
  column: ShortlistBoard["columns"][number];
  actions: CardActions;
  highlight: boolean;
}) {
  const { setNodeRef } = useDroppable({ id: columnId(column.stage), data: { stage: column.stage } });
  const headingId = `shortlist-col-${column.stage}`;
  return (
    <section
      aria-labelledby={headingId}
      className={cn(
        "flex min-w-0 flex-col rounded-lg border border-line bg-canvas transition-colors",
        highlight && "border-brand-500 bg-brand-50",
      )}
    >
      <header className="flex items-baseline justify-between gap-2 border-b border-line px-3 py-2.5">
        <h2 id={headingId} className="text-sm font-semibold text-ink">
          {column.label}
        </h2>
        <span className="text-xs font-medium text-ink-muted">
          {column.cards.length}
          <span className="sr-only">{column.cards.length === 1 ? " vendor" : " vendors"}</span>
        </span>
      </header>
      <SortableContext id={column.stage} items={column.cards.map((c) => c.id)} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} aria-labelledby={headingId} className="flex min-h-40 flex-1 flex-col gap-2 p-2">
          {column.cards.map((card, i) => (
            <SortableCard key={card.id} card={card} index={i} count={column.cards.length} actions={actions} />
          ))}
          {column.cards.length === 0 ? (
            <li className="flex flex-1 items-center justify-center rounded-md border border-dashed border-line-strong px-3 py-6 text-center text-xs text-ink-muted">
              {actions.writer
                ? `${COLUMN_HINT[column.stage]} Drag a card here or use its menu.`
                : COLUMN_HINT[column.stage]}
            </li>
          ) : null}
        </ul>
      </SortableContext>
    </section>
  );
}

export function BoardColumns({ board, actions }: { board: ShortlistBoard; actions: CardActions }) {
  const id = useId();
  const [active, setActive] = useState<BoardCard | null>(null);
  const [overStage, setOverStage] = useState<ShortlistStage | null>(null);
  const sensors = useSensors(
    // A few pixels of movement before a drag starts, so clicks on the handle stay clicks.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: boardKeyboardCoordinates }),
  );
  const cards = board.columns.flatMap((c) => c.cards);
  const cardOf = (x: UniqueIdentifier) => cards.find((c) => c.id === String(x));

  /** The column and 0-based place a drop over `x` (a card or a column) means. */
  const target = (
    x: UniqueIdentifier | undefined,
    movingId: string,
  ): { stage: ShortlistStage; index: number } | null => {
    if (x === undefined) return null;
    const s = String(x);
    if (s.startsWith("column:")) {
      const stage = s.slice("column:".length) as ShortlistStage;
      const col = board.columns.find((c) => c.stage === stage)!;
      return { stage, index: col.cards.filter((c) => c.id !== movingId).length };
    }
    const over = cardOf(x);
    if (!over) return null;
    const col = board.columns.find((c) => c.stage === over.stage)!;
    return { stage: over.stage, index: col.cards.findIndex((c) => c.id === over.id) };
  };
  const where = (t: { stage: ShortlistStage; index: number }) => `${stageLabel(t.stage)}, position ${t.index + 1}`;
  const name = (x: UniqueIdentifier) => cardOf(x)?.vendor.name ?? "The vendor";
  // dnd-kit reports the card over its own place the moment it is picked up; saying so would
  // replace "Picked up …" before a screen reader reads it, so that first report stays silent.
  const moved = useRef(false);
  const announcements: Announcements = {
    onDragStart: ({ active: a }) => {
      moved.current = false;
      const c = cardOf(a.id);
      return c ? `Picked up ${c.vendor.name} in ${stageLabel(c.stage)}.` : undefined;
    },
    onDragOver: ({ active: a, over }) => {
      if (!over || (!moved.current && over.id === a.id)) return undefined;
      moved.current = true;
      const t = target(over?.id, String(a.id));
      return t ? `${name(a.id)} is over ${where(t)}.` : undefined;
    },
    onDragEnd: ({ active: a, over }) => {
      const t = target(over?.id, String(a.id));
      return t ? `${name(a.id)} dropped in ${where(t)}.` : undefined;
    },
    onDragCancel: ({ active: a }) => `Moving cancelled. ${name(a.id)} stays where it was.`,
  };

  const onDragEnd = ({ active: a, over }: DragEndEvent) => {
    setActive(null);
    setOverStage(null);
    const card = cardOf(a.id);
    const t = target(over?.id, String(a.id));
    if (!card || !t) return;
    const from = board.columns.find((c) => c.stage === card.stage)!.cards.findIndex((c) => c.id === card.id);
    if (t.stage === card.stage && t.index === from) return;
    actions.moveTo(card, t.stage, t.index);
  };

  return (
    <DndContext
      id={id}
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragStart={({ active: a }) => setActive(cardOf(a.id) ?? null)}
      onDragOver={({ active: a, over }) => setOverStage(target(over?.id, String(a.id))?.stage ?? null)}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        setActive(null);
        setOverStage(null);
      }}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            "To move this vendor, press Space or Enter to pick it up, the arrow keys to move it within or across the columns, Space or Enter again to drop it, or Escape to cancel.",
        },
      }}
    >
      <div className="grid min-w-0 grid-cols-1 gap-3 md:grid-cols-3">
        {board.columns.map((column) => (
          <Column
            key={column.stage}
            column={column}
            actions={actions}
            highlight={!!active && overStage === column.stage && active.stage !== column.stage}
          />
        ))}
      </div>
      <DragOverlay>{active ? <CardPreview card={active} /> : null}</DragOverlay>
    </DndContext>
  );
}
