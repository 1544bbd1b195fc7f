// `npm test`: every suite (unit, API, worker, embedded start, browser) with Node's test runner, files in parallel.
// Needs PostgreSQL and Redis (TEST_DATABASE_URL / TEST_REDIS_URL, default the local servers) and, for the
// browser suite, Chromium at /usr/bin/chromium (CHROMIUM_PATH). `.ci/run` installs and starts all of them.
import { spawnSync } from 'node:child_process';
import { globSync } from 'tinyglobby';

const patterns = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['libs/*/test/**/*.spec.ts', 'test/api/*.spec.ts', 'test/worker/*.spec.ts', 'test/cli/*.spec.ts', 'test/embedded/*.spec.ts', 'test/browser/*.spec.ts'];
const files = globSync(patterns).sort();
if (!files.length) {
  console.error(`No test files match ${patterns.join(' ')}`);
  process.exit(1);
}
const concurrency = process.env.TEST_CONCURRENCY ?? '3';
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-timeout=300000', ...files],
  { stdio: 'inherit', env: { ...process.env, ECAMPUS_ROOT: process.cwd(), LOG_LEVEL: 'silent' } },
);
process.exit(result.status ?? 1);
