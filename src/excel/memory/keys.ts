/** A cell's key in its sheet's map: "row,col" (0-based), and back. */
export const cellKey = (r: number, c: number): string => `${r},${c}`;
export const parseCellKey = (k: string): [number, number] =>
  k.split(',').map(Number) as [number, number];
