/** The PostgreSQL server the tests create their throw-away databases on. */
export const postgresAdminUrl = (): string =>
  process.env.LIANXIN_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function postgresUrlFor(database: string): string {
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}
