/**
 * Calls an Astro Action from the browser without Astro's client runtime. That runtime (actions proxy plus the
 * devalue decoder) costs about 3.6 KB gzip, which would take the RSVP page past its 14 KB JavaScript budget.
 * Astro answers a successful call at POST /_actions/<name>/ with the handler's result serialised by devalue; our
 * results are plain objects of strings, numbers and booleans, which `decodePlain` reads. Anything else (an error
 * status, a special devalue type) throws, and the caller falls back to posting the form the plain way.
 */
export async function callAction(name: string, body: FormData): Promise<unknown> {
  const res = await fetch(`/_actions/${name}/`, { method: 'POST', body, headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`action ${name}: HTTP ${res.status}`);
  return decodePlain(await res.text());
}

/** Reads devalue's flat table format for plain data: objects, arrays, strings, numbers, booleans, null, undefined. */
export function decodePlain(text: string): unknown {
  const table: unknown = JSON.parse(text);
  if (table === -1) return undefined;
  if (!Array.isArray(table)) throw new Error('unsupported devalue payload');
  const read = (i: number): unknown => {
    if (i === -1) return undefined;
    if (i < 0) throw new Error('unsupported devalue constant');
    const v: unknown = table[i];
    if (Array.isArray(v)) {
      if (typeof v[0] === 'string') throw new Error(`unsupported devalue type ${v[0]}`);
      return v.map((j) => read(j as number));
    }
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, j]) => [k, read(j as number)]));
    }
    return v;
  };
  return read(0);
}
