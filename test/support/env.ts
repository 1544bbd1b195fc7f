/** The servers the suites talk to; `.ci/run` starts them, the README says how to point elsewhere. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const ROOT = process.env.ECAMPUS_ROOT ?? process.cwd();
