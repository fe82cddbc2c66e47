/** How a figure from content/data/figures.yaml is written on a page. Pure. */
import { formatMonth } from './dates';
import { isUnconfirmed, PENDING, type MaybeUnconfirmed } from './unconfirmed';

/**
 * A figure's date as readers see it: a running total is true 「截至」 its date (截至2023年12月); a fixed fact is
 * dated by its source (2015年12月). An as-of date the bank has not confirmed says so (待确认).
 */
export function figureDate(f: MaybeUnconfirmed & { asOf: Date; kind?: 'total' | 'fact' | undefined }): string {
  const month = formatMonth(f.asOf);
  const text = f.kind === 'fact' ? month : `截至${month}`;
  return isUnconfirmed(f, 'asOf') ? `${text}（日期${PENDING}）` : text;
}
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
