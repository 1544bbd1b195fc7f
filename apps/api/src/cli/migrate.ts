import 'reflect-metadata';
import { openDatabase } from '../bootstrap';
import { loadConfig } from '../config/app-config';

/** Applies pending migrations (they also run on every start) and reports the state. */
async function main() {
  const db = await openDatabase(loadConfig());
  const applied: { name: string }[] = await db.dataSource.query(`SELECT name FROM migrations ORDER BY id`);
  console.log(`Migrations applied: ${applied.map((m) => m.name).join(', ')}`);
  await db.close();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
