/** How a figure from content/data/figures.yaml is written on a page. Pure. */
export interface FigureLike {
  value: number;
  display?: string | undefined;
  qualifier?: string | undefined;
  unit: string;
}

/** 84万余份, 500余家, 25% — the number as the bank writes it, with its qualifier and unit. */
export function formatFigure(f: FigureLike): string {
  return `${f.display ?? String(f.value)}${f.qualifier ?? ''}${f.unit}`;
}
