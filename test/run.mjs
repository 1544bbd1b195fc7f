// `npm test`: every suite (unit, API, worker, embedded start, browser) with Jest (jest.config.cjs), files in parallel.
// Needs PostgreSQL and Redis (TEST_DATABASE_URL / TEST_REDIS_URL, default the local servers) and, for the
// browser suite, Chromium at /usr/bin/chromium (CHROMIUM_PATH). `.ci/run` installs and starts all of them.
//
// With no arguments it then runs the API and browser suites a second time on the embedded PGlite database
// that `npm start` uses when no DATABASE_URL is set (TEST_EMBEDDED=1): the default a new user meets first
// must hold up as well as the servers do. `node test/run.mjs <globs>` runs just those files, once.
import { spawnSync } from 'node:child_process';
import { globSync } from 'tinyglobby';

const ALL = ['apps/*/src/**/*.spec.{ts,tsx}', 'libs/*/src/**/*.spec.ts', 'libs/*/test/**/*.spec.ts', 'test/api/*.spec.ts', 'test/worker/*.spec.ts', 'test/faults/*.spec.ts', 'test/cli/*.spec.ts', 'test/embedded/*.spec.ts', 'test/browser/*.spec.ts'];
// The separate worker process, the CLI and the npm-start test bring their own database set-up.
const ON_EMBEDDED = ['test/api/*.spec.ts', 'test/browser/*.spec.ts'];

function run(patterns, env = {}) {
  const files = globSync(patterns).sort();
  if (!files.length) {
    console.error(`No test files match ${patterns.join(' ')}`);
    process.exit(1);
  }
  const concurrency = process.env.TEST_CONCURRENCY ?? '3';
  // VM modules: the embedded database (PGlite) loads its parts with import(), which Jest runs only with this flag.
  const result = spawnSync(
    process.execPath,
    ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning', 'node_modules/jest/bin/jest.js', `--maxWorkers=${concurrency}`, '--runTestsByPath', ...files],
    { stdio: 'inherit', env: { ...process.env, ECAMPUS_ROOT: process.cwd(), LOG_LEVEL: 'silent', ...env } },
  );
  return result.status ?? 1;
}

const chosen = process.argv.slice(2);
if (chosen.length) process.exit(run(chosen));

const onServers = run(ALL);
if (onServers !== 0) process.exit(onServers);
console.log('\n# Again on the embedded database (PGlite), as `npm start` runs with no DATABASE_URL\n');
process.exit(run(ON_EMBEDDED, { TEST_EMBEDDED: '1' }));
