/** One CSV line (RFC 4180), with formula-looking cells defused for spreadsheets. */
export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'string' ||
          typeof value === 'number' ||
          typeof value === 'bigint' ||
          typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
  // A spreadsheet runs a cell that starts with =, +, -, @ (or a tab or CR) as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
