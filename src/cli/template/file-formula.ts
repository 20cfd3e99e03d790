/**
 * A formula as the add-in writes it through Office.js (`=DESK.NOTE_STATUS([@[Quote time]],…)`)
 * → as it is stored in an .xlsx file. Two spellings differ on disk:
 *  - `[@Col]` / `[@[Col name]]` is the grid's shorthand; the file keeps `Table[[#This Row],[Col]]`
 *    (ECMA-376 Part 1, §18.17.6.2 structured references);
 *  - an add-in's custom function is saved as `_xldudf_NAMESPACE_NAME` (Excel's own prefix for
 *    JavaScript custom functions, https://github.com/OfficeDev/Excel-Custom-Functions/issues/108;
 *    https://github.com/OfficeDev/office-js/issues/5611): Excel maps it back to DESK.NOTE_STATUS
 *    once the add-in is loaded.
 * String literals ("source age") are left as they are.
 */
export function fileFormula(formula: string, table: string): string {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  // Split on string literals ("" inside a literal is an escaped quote): odd parts are literals.
  return body
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : outsideLiterals(part, table)))
    .join('');
}

function outsideLiterals(text: string, table: string): string {
  return text
    .replace(/\[@\[([^\]]+)\]\]/g, (_m, col: string) => `${table}[[#This Row],[${col}]]`)
    .replace(/\[@([^[\]]+)\]/g, (_m, col: string) => `${table}[[#This Row],[${col}]]`)
    .replace(/\bDESK\.([A-Z_]+)\(/g, (_m, fn: string) => `_xldudf_DESK_${fn}(`);
}
