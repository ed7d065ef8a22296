/** A Markdown table padded the way Prettier prints it, so `prettier --check` leaves it alone. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(3, ...all.map((row) => width(row[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    `| ${widths.map((w, i) => pad(cells[i] ?? '', w)).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Characters as Prettier counts them; the catalog's text has no wide (CJK, emoji) ones. */
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, to: number): string {
  return text + ' '.repeat(to - width(text));
}
