/** What each benchmark hands back: one Markdown table, with notes on how to read it. */
export interface Section {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly notes?: readonly string[];
}

export function markdown(s: Section): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    `### ${s.title}`,
    '',
    line(s.columns),
    line(s.columns.map(() => '---')),
    ...s.rows.map(line),
    '',
    ...(s.notes ?? []).map((n) => `- ${n}`),
    ...(s.notes?.length ? [''] : []),
  ].join('\n');
}

/** Nanoseconds as a readable duration with three significant figures. */
export function duration(ns: number): string {
  if (ns < 1_000) return `${sig(ns)} ns`;
  if (ns < 1_000_000) return `${sig(ns / 1_000)} µs`;
  if (ns < 1_000_000_000) return `${sig(ns / 1_000_000)} ms`;
  return `${sig(ns / 1_000_000_000)} s`;
}

export function ms(x: number): string {
  return `${sig(x)} ms`;
}

export function ratio(x: number): string {
  return x >= 100 ? `${Math.round(x).toLocaleString('en-US')}×` : `${sig(x)}×`;
}

export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

export function int(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

/** Whether a goal is met, as the table shows it. */
export function verdict(ok: boolean): string {
  return ok ? 'met' : '**missed**';
}

function sig(x: number): string {
  return Number(x.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 2 });
}
