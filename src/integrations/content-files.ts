/**
 * Content files read straight from disk (YAML frontmatter of MDX files, YAML and JSON data files), for build-time
 * tools that run before or beside Astro's content layer: the launch gate, `npm run confirm-list`, and the tests and
 * benchmarks that check content as files. One reader, so every tool sees the files alike.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface ContentFile<T> {
  /** The slug: the file name without .mdx. */
  id: string;
  /** The file's path relative to the content root, for messages (events/qiqu-liuyi.mdx). */
  file: string;
  /** The parsed frontmatter. */
  data: T;
  /** The MDX body after the frontmatter. */
  body: string;
}

/** One .mdx file: its parsed frontmatter and its body. */
export function readMdx<T>(path: string): { data: T; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(readFileSync(path, 'utf8'));
  if (!m) throw new Error(`${path}: no frontmatter`);
  return { data: parse(m[1] as string) as T, body: m[2] as string };
}

/** Every .mdx file of a collection folder (articles, events, lessons …) under `root`, in file-name order. */
export function readCollection<T>(root: string, folder: string): ContentFile<T>[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((file) => ({ id: file.replace(/\.mdx$/, ''), file: `${folder}/${file}`, ...readMdx<T>(join(dir, file)) }));
}

/** A data file in <root>/data/: a YAML list, or a JSON document. */
export function readData<T>(root: string, file: string): T {
  const text = readFileSync(join(root, 'data', file), 'utf8');
  return (file.endsWith('.json') ? JSON.parse(text) : parse(text)) as T;
}
