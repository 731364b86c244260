/** Typed views of D1 results (the SQL names its columns to match). */
export function rows<T>(result: D1Result | undefined): T[] {
  return (result?.results ?? []) as T[];
}

export function first<T>(result: D1Result | undefined): T | undefined {
  return rows<T>(result)[0];
}

export function byName<T>(result: D1Result | undefined): Map<string, T> {
  return new Map(rows<T & { name: string }>(result).map((row) => [row.name, row]));
}
