export interface Column {
  title: string;
  /** Numbers line up on the right; names and lists read from the left. */
  align: 'left' | 'right';
}

/**
 * A GitHub-flavoured Markdown table, its cells padded so that it also reads as a table in a
 * terminal. A `|` inside a cell is escaped.
 */
export function markdownTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const escaped = rows.map((row) => row.map((cell) => cell.replaceAll('|', '\\|')));
  const widths = columns.map(({ title }, index) => Math.max(title.length, 3, ...escaped.map((row) => row[index]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, index) => (columns[index]!.align === 'right' ? cell.padStart(widths[index]!) : cell.padEnd(widths[index]!))).join(' | ')} |`;
  const rule = `| ${columns.map(({ align }, index) => (align === 'right' ? `${'-'.repeat(widths[index]! - 1)}:` : '-'.repeat(widths[index]!))).join(' | ')} |`;
  return [line(columns.map(({ title }) => title)), rule, ...escaped.map(line)].join('\n');
}
