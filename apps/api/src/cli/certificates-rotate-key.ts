import 'reflect-metadata';
import { openDatabase } from '../bootstrap';
import { SigningKeysService } from '../certificates/signing-keys.service';
import { loadConfig } from '../config/app-config';

/** A new Ed25519 key signs certificates from now on; older keys stay in the JWKS, so what they signed stays valid. */
async function main() {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    const { kid, retired } = await new SigningKeysService(db.dataSource, config).rotate();
    console.log(`New certificate signing key: ${kid}${retired.length ? ` (retired, still published: ${retired.join(', ')})` : ''}`);
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
