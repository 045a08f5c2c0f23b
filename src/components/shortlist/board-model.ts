import type { ShortlistStage } from "@/server/shortlist/schemas";

// The board as the page holds it, and a move applied to it the way the server will apply it
// (src/server/shortlist/entries.ts): the card leaves its column, enters the target one at `position` (past the
// end means last), and both columns number their cards 0..n-1. The page shows this at once and
// rolls back to what it had if the server refuses.

type Card = { id: string; stage: ShortlistStage; position: number; version: number };
type Column<C extends Card> = { stage: ShortlistStage; cards: C[] };
type Board<C extends Card> = { columns: Column<C>[] };

export function applyMove<C extends Card, B extends Board<C>>(
  board: B,
  entryId: string,
  stage: ShortlistStage,
  position: number,
): B {
  const card = board.columns.flatMap((c) => c.cards).find((c) => c.id === entryId);
  if (!card) return board;
  const columns = board.columns.map((col) => {
    const rest = col.cards.filter((c) => c.id !== entryId);
    if (col.stage !== stage) return { ...col, cards: rest.map((c, i) => ({ ...c, position: i })) };
    const at = Math.max(0, Math.min(position, rest.length));
    const moved = { ...card, stage, version: card.version + 1 };
    const cards = [...rest.slice(0, at), moved, ...rest.slice(at)].map((c, i) => ({ ...c, position: i }));
    return { ...col, cards };
  });
  return { ...board, columns };
}
