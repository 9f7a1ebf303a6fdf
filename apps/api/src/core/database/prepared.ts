import type { Pool, PoolClient, QueryResultRow } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * A statement on the per-comment hot paths (intake, triage) that Postgres parses and plans once per connection,
 * not once per call: a named prepared statement (node-postgres keeps it per connection and sends only Bind/Execute
 * afterwards). TypeORM's `query` always sends an unnamed statement, so Postgres re-plans it every time.
 * Measured on this project's 2-vCPU VM, Postgres CPU per call: the triage context read 535 → 60 µs, the thread read
 * 205 → 60 µs, the decision insert 480 → 220 µs (docs/benchmarks.md, "Pipeline").
 * Use it only for fixed SQL text (the name stands for the text on every connection).
 */
export interface Prepared {
  readonly name: string;
  readonly text: string;
}

const names = new Map<string, string>();

/** Declares a prepared statement. Names are unique: one name, one SQL text. */
export function prepared(name: string, text: string): Prepared {
  const known = names.get(name);
  if (known !== undefined && known !== text) throw new Error(`prepared statement "${name}" declared twice with different SQL`);
  names.set(name, text);
  return { name, text };
}

/** node-postgres's query config for a prepared statement: the name makes it parsed once per connection. */
function asQuery(statement: Prepared, values: readonly unknown[]) {
  return { name: statement.name, text: statement.text, values: values as unknown[] };
}

/**
 * Runs a prepared statement: on `on`'s transaction connection when it is an EntityManager inside a transaction,
 * else on any pooled connection. Errors are node-postgres's own (codes as `err.code`).
 */
export async function queryPrepared<T extends QueryResultRow>(
  on: DataSource | EntityManager,
  statement: Prepared,
  values: readonly unknown[],
): Promise<T[]> {
  const config = asQuery(statement, values);
  const runner = 'queryRunner' in on ? on.queryRunner : undefined;
  if (runner && !runner.isReleased && runner.isTransactionActive) {
    // TypeORM's Postgres query runner hands out the pg client it holds for the transaction.
    const client = (await runner.connect()) as PoolClient;
    return (await client.query<T>(config)).rows;
  }
  const dataSource = 'driver' in on ? on : on.dataSource;
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  return (await pool.query<T>(config)).rows;
}

/**
 * Opens up to `count` pooled connections (never more than the pool holds) and runs each statement once on each, so
 * every connection has the hot statements parsed and planned, and its catalog caches filled, before real traffic.
 * The statements must change nothing with the values given (e.g. an id that cannot exist). Returns how many
 * connections were warmed. With the pool's `min` at its size (data-source.ts) they stay open.
 */
export async function warmConnections(dataSource: DataSource, count: number, statements: ReadonlyArray<readonly [Prepared, readonly unknown[]]>): Promise<number> {
  const pool = (dataSource.driver as unknown as { master: Pool & { options: { max: number } } }).master;
  const n = Math.max(0, Math.min(count, pool.options.max));
  // Held together, so they are n distinct connections; each is released only when its own statements are done (a
  // connection whose statement failed is closed rather than pooled).
  const opened = await Promise.allSettled(Array.from({ length: n }, () => pool.connect()));
  const clients = opened.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const runs = await Promise.allSettled(
    clients.map(async (client) => {
      for (const [statement, values] of statements) await client.query(asQuery(statement, values));
    }),
  );
  runs.forEach((run, i) => clients[i].release(run.status === 'rejected' ? (run.reason as Error) : undefined));
  const failed = [...opened, ...runs].find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return clients.length;
}
