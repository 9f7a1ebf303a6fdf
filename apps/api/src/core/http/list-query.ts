import { BadRequestException } from '@nestjs/common';

/** react-admin simple-rest list parameters: `range=[0,24]`, `sort=["field","ASC"]`, `filter={...}`. */
export interface ListQuery<F> {
  offset: number;
  limit: number;
  sort: { field: string; order: 'ASC' | 'DESC' } | null;
  filter: F;
}

const MAX_PAGE = 200;

function parseJson(name: string, raw: string | undefined): unknown {
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new BadRequestException(`${name}: not valid JSON`);
  }
}

export function parseListQuery<F>(
  q: { range?: string; sort?: string; filter?: string },
  opts: { sortable: readonly string[]; parseFilter: (raw: Record<string, unknown>) => F },
): ListQuery<F> {
  const range = parseJson('range', q.range) ?? [0, 24];
  // Safe integers only: 1e21 is an integer to JavaScript but no Postgres bigint (and loses digits long before that).
  if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => Number.isSafeInteger(n) && n >= 0) || range[1] < range[0]) {
    throw new BadRequestException(`range: expected [start, end], whole numbers with 0 <= start <= end <= ${Number.MAX_SAFE_INTEGER}`);
  }
  const limit = Math.min(range[1] - range[0] + 1, MAX_PAGE);
  const sortRaw = parseJson('sort', q.sort);
  let sort: ListQuery<F>['sort'] = null;
  if (sortRaw !== undefined) {
    if (!Array.isArray(sortRaw) || typeof sortRaw[0] !== 'string' || !['ASC', 'DESC'].includes(String(sortRaw[1]).toUpperCase())) {
      throw new BadRequestException('sort: expected ["field", "ASC" | "DESC"]');
    }
    if (!opts.sortable.includes(sortRaw[0])) {
      throw new BadRequestException(`sort: cannot sort by "${sortRaw[0]}"; use one of ${opts.sortable.join(', ')}`);
    }
    sort = { field: sortRaw[0], order: String(sortRaw[1]).toUpperCase() as 'ASC' | 'DESC' };
  }
  const filterRaw = parseJson('filter', q.filter) ?? {};
  if (typeof filterRaw !== 'object' || filterRaw === null || Array.isArray(filterRaw)) {
    throw new BadRequestException('filter: expected a JSON object');
  }
  return { offset: range[0], limit, sort, filter: opts.parseFilter(filterRaw as Record<string, unknown>) };
}

/** `Content-Range: comments 0-24/319` (react-admin reads the total from it). */
export function contentRange(resource: string, offset: number, count: number, total: number): string {
  return count === 0 ? `${resource} */${total}` : `${resource} ${offset}-${offset + count - 1}/${total}`;
}
