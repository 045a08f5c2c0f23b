import { describe, expect, it } from "vitest";
import { applyMove } from "./board-model";

const card = (id: string, stage: "LONG" | "SHORT" | "SELECTED", position: number) => ({
  id,
  stage,
  position,
  version: 1,
});
const board = {
  columns: [
    { stage: "LONG" as const, cards: [card("a", "LONG", 0), card("b", "LONG", 1), card("c", "LONG", 2)] },
    { stage: "SHORT" as const, cards: [card("d", "SHORT", 0)] },
    { stage: "SELECTED" as const, cards: [] },
  ],
};
const ids = (b: typeof board) => b.columns.map((c) => c.cards.map((x) => `${x.id}${x.position}`).join(","));

describe("applyMove", () => {
  it("moves across columns, renumbering both, and bumps the moved card's version", () => {
    const b = applyMove(board, "b", "SHORT", 0);
    expect(ids(b)).toEqual(["a0,c1", "b0,d1", ""]);
    expect(b.columns[1]!.cards[0]).toMatchObject({ stage: "SHORT", version: 2 });
    expect(b.columns[1]!.cards.findIndex((x) => x.id === "b")).toBe(0);
  });

  it("reorders within a column and clamps a place past the end", () => {
    expect(ids(applyMove(board, "a", "LONG", 2))).toEqual(["b0,c1,a2", "d0", ""]);
    expect(ids(applyMove(board, "a", "SELECTED", 40))).toEqual(["b0,c1", "d0", "a0"]);
    expect(applyMove(board, "zz", "LONG", 0)).toBe(board);
  });
});
