// The id of a card's actions menu, so the board can put focus back on it after a move (the
// board's columns, with drag and drop, load apart from the page).
export const menuId = (id: string) => `shortlist-menu-${id}`;

export function focusCardMenu(id: string) {
  setTimeout(() => document.getElementById(menuId(id))?.focus(), 50);
}
