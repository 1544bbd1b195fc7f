import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lockfile from 'proper-lockfile';

export interface EmbeddedPostgres {
  /** A postgres:// URL for the pg driver, through a unix socket. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs PGlite (PostgreSQL compiled to WebAssembly) on `dataDir` and exposes it on a unix socket, so the
 * app talks to it with the same `pg` driver and migrations as to a real server. PGlite itself does not
 * stop a second process from opening the same directory, so we hold a lock for as long as it is open.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, { lockfilePath: join(dataDir, 'ecampus.lock'), stale: 15_000 });
  } catch {
    throw new Error(
      `The embedded database in ${dataDir} is in use by another eCampus process. ` +
        'Stop it first, or set DATABASE_URL to use a PostgreSQL server.',
    );
  }
  // ESM-only packages: loaded with a real dynamic import from this CommonJS build.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create(join(dataDir, 'pglite'));
  const socketDir = await mkdtemp(join(tmpdir(), 'ecampus-pg-'));
  const port = 5432;
  // One pool connection talks to it (see database options): PGlite runs one query at a time anyway.
  const server = new PGLiteSocketServer({ db, path: join(socketDir, `.s.PGSQL.${port}`), maxConnections: 4 });
  await server.start();
  return {
    url: `postgres://postgres@localhost:${port}/postgres?host=${encodeURIComponent(socketDir)}`,
    async stop() {
      await server.stop();
      await db.close();
      await rm(socketDir, { recursive: true, force: true });
      await release();
    },
  };
}
