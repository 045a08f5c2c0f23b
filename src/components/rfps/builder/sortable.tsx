"use client";

import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type Modifier,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useId, useRef, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

// A vertical list reordered by drag (pointer) and by keyboard (focus the handle, Space to lift,
// arrows to move, Space to drop, Escape to cancel), with what happens read out to screen
// readers in the list's own words ("Question “Batch size” moved to position 3 of 7").

export type SortableListProps = {
  /** Stable ids of the items, in order. */
  ids: string[];
  /** "question", "section": what the announcements call an item. */
  noun: string;
  /** How the announcements name one item (its prompt or title). */
  nameOf: (id: string) => string;
  onMove: (from: number, to: number) => void;
  children: ReactNode;
};

const quoted = (s: string) => (s.trim() ? `“${s.trim()}”` : "(untitled)");

/** Items move up and down only. */
const verticalOnly: Modifier = ({ transform }) => ({ ...transform, x: 0 });

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export function SortableList({ ids, noun, nameOf, onMove, children }: SortableListProps) {
  const id = useId();
  const sensors = useSensors(
    // A few pixels of movement before a drag starts, so clicks on the handle stay clicks.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const position = (x: UniqueIdentifier | undefined) => ids.indexOf(String(x)) + 1;
  const name = (x: UniqueIdentifier) => `${noun} ${quoted(nameOf(String(x)))}`;
  const of = ` of ${ids.length}`;
  // dnd-kit reports the item over its own place the moment it is picked up; saying so would
  // replace "Picked up …" before a screen reader reads it, so that first report stays silent.
  const moved = useRef(false);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      moved.current = false;
      return `Picked up ${name(active.id)} at position ${position(active.id)}${of}.`;
    },
    onDragOver: ({ active, over }) => {
      if (!over || (!moved.current && over.id === active.id)) return undefined;
      moved.current = true;
      return `${cap(name(active.id))} is over position ${position(over.id)}${of}.`;
    },
    onDragEnd: ({ active, over }) =>
      over ? `${cap(name(active.id))} dropped at position ${position(over.id)}${of}.` : undefined,
    onDragCancel: ({ active }) => `Moving cancelled. ${cap(name(active.id))} stays at position ${position(active.id)}.`,
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    if (from >= 0 && to >= 0) onMove(from, to);
  };
  return (
    <DndContext
      id={id}
      sensors={sensors}
      collisionDetection={closestCenter}
      modifiers={[verticalOnly]}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable: `To move this ${noun}, press Space or Enter to pick it up, the up and down arrow keys to move it, Space or Enter again to drop it, or Escape to cancel.`,
        },
      }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}

/**
 * One item of a SortableList. `children` receives the drag handle's props (spread them on a
 * button) so the handle, not the whole card, starts a drag and keyboard users reach it by Tab.
 */
export function SortableItem({
  id,
  className,
  children,
}: {
  id: string;
  className?: string;
  children: (handle: { handleProps: Record<string, unknown>; isDragging: boolean }) => ReactNode;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
  });
  return (
    <div
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cn(className, isDragging && "relative z-10 shadow-lg ring-2 ring-brand-500")}
    >
      {children({ handleProps: { ref: setActivatorNodeRef, ...attributes, ...listeners }, isDragging })}
    </div>
  );
}
