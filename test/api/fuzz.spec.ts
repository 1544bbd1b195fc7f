import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import fc from 'fast-check';
import request from 'supertest';
import { signIn, signInAdmin, signUp, startTestApp, type TestApp } from '../support/test-app';

/*
 * Schema-driven fuzzing: every operation of the OpenAPI document the app serves gets generated malformed and
 * wrong-typed bodies, params and queries, as each role that could send them. Every answer must be a 4xx (or a
 * 2xx for the few GETs a hostile query cannot spoil), never a 5xx, and the 4xx answers must store nothing.
 * Sized to about a minute on a 2-core machine; FUZZ_BODIES raises it.
 */

const BODIES = Number(process.env.FUZZ_BODIES ?? 5200);
const CONCURRENCY = 6;

type Role = 'anonymous' | 'learner' | 'author' | 'admin';
type Agent = ReturnType<typeof request.agent> | ReturnType<typeof request>;
interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
  $ref?: string;
}
interface Operation {
  method: string;
  path: string;
  params: { name: string; in: string }[];
  body?: { type: string; schema?: Schema };
}

/** False for a string with half a surrogate pair (String#isWellFormed, not in this TypeScript lib yet). */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
const nest = (depth: number, open = '[', close = ']') => open.repeat(depth) + close.repeat(depth);
const nested = (depth: number): unknown => (depth <= 0 ? 1 : [nested(depth - 1)]);

/** Strings PostgreSQL or the limits must refuse: NUL, half a surrogate pair, far too long. */
const badString = fc.oneof(
  fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`),
  fc.string({ maxLength: 20 }).map((s) => `${s}\ud800${s}`),
  fc.string({ maxLength: 20 }).map((s) => `\udfff${s}`),
  fc.integer({ min: 5_000, max: 40_000 }).map((n) => 'é'.repeat(n)),
);
/** Any value at all: nulls, numbers, objects, arrays, deep nesting, broken strings. */
const hostile = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 2, max: 150 }).map(nested),
  badString,
  fc.double(),
  fc.constantFrom(-1, 0, 1e300, -1e300, 2 ** 53 + 1, 1.5),
  fc.boolean(),
  fc.object({ maxDepth: 3, maxKeys: 4 }),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
/** A value of another kind than the schema asks for (or a string no column can hold). */
const wrongFor = (schema: Schema | undefined) =>
  hostile.filter((v) => {
    const t = schema?.type;
    if (t === 'string') return typeof v !== 'string' || v.includes('\u0000') || !wellFormed(v) || v.length >= 5000 || !!schema?.enum;
    if (t === 'number' || t === 'integer') return typeof v !== 'number' || !Number.isFinite(v) || (t === 'integer' && !Number.isInteger(v));
    if (t === 'boolean') return typeof v !== 'boolean';
    if (t === 'array') return !Array.isArray(v);
    if (t === 'object') return v === null || typeof v !== 'object' || Array.isArray(v);
    return true;
  });

/** Raw texts sent as application/json: broken JSON, deep nesting, truncated documents. */
const rawText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.integer({ min: 65, max: 80_000 }).map((n) => nest(n)),
  fc.integer({ min: 65, max: 5_000 }).map((n) => '{"a":'.repeat(n)),
  fc.constantFrom('{', '[', '{"a":1,}', '"\\ud800"', '{"a":"\\u0000"}', 'nul', '{"__proto__":{"x":1}}', '[1,2', '{"a" 1}', '\u0000'),
);

/** Paths of an object down to every value, to put a wrong value somewhere deep in a course document. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (prefix.length) out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}
function setAt(doc: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}
/** A course document with one value, somewhere, replaced by a hostile one of another type. */
const DOCUMENT_FIELDS = ['title', 'summary', 'audience', 'estimatedMinutes', 'topics', 'objectives', 'modules', 'glossary', 'references', 'cover'];
function brokenDocument(doc: Record<string, unknown>) {
  // Only the course document itself: the answer's read-only fields (status, canEdit…) are ignored by a save.
  const all = paths(doc).filter((p) => DOCUMENT_FIELDS.includes(String(p[0]))).filter((p) => !['slug', 'translationKey', 'language', 'id'].includes(String(p[p.length - 1])) || p.length > 1);
  return fc.tuple(fc.constantFrom(...all), hostile).filter(([p, v]) => {
    const current = p.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], doc);
    return typeof current !== typeof v || (typeof v === 'string' && (v.includes('\u0000') || !wellFormed(v) || v.length >= 5000));
  }).map(([p, v]) => ({ json: setAt(doc, p, v), note: p.join('.') }));
}

const encode = (s: string) => (wellFormed(s) ? encodeURIComponent(s) : [...Buffer.from(s)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
const badParam = fc.oneof(
  badString.filter((s) => s.length < 3000),
  fc.string({ unit: 'binary', maxLength: 30 }).filter((s) => s.length > 0),
  fc.constantFrom('%00', '..', '00000000-0000-0000-0000-000000000000', '-1', '1e400', 'NaN', "' OR 1=1 --", 'a'.repeat(3000), '2024-02-30', '0000-01-01', '9999999-01-01'),
);

describe('fuzzing every route of the OpenAPI document', () => {
  let app: TestApp;
  let agents: Record<Role, Agent>;
  let ops: Operation[];
  let schemas: Record<string, Schema>;
  const real: Record<string, string> = {};
  let draft: Record<string, unknown>;

  beforeAll(async () => {
    app = await startTestApp({ redis: false });
    const admin = await signInAdmin(app.server);
    const learner = await signUp(app.server);
    const author = await signUp(app.server);
    await admin.patch(`/api/admin/users/${author.user.id}`).send({ role: 'author' }).expect(200);
    agents = { anonymous: request(app.server), learner: learner.agent, author: await signIn(app.server, author.email, author.password), admin };
    await learner.agent.post('/api/courses/sample-course/enroll').expect(201);
    const outline = (await request(app.server).get('/api/courses/sample-course').expect(200)).body;
    const items = outline.modules.flatMap((m: { items: { id: string; type: string }[] }) => m.items);
    Object.assign(real, {
      slug: 'sample-course',
      id: items.find((i: { type: string }) => i.type === 'quiz').id,
      number: '1',
      code: 'NOSUCHCODE',
      courseId: outline.id ?? '00000000-0000-4000-8000-000000000000',
      filename: 'cover.png',
      userId: learner.user.id,
    });
    draft = (await admin.get('/api/admin/courses/sample-course').expect(200)).body;
    const doc = (await request(app.server).get('/api/docs-json').expect(200)).body;
    schemas = doc.components.schemas;
    ops = [];
    for (const [path, item] of Object.entries<Record<string, { parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema?: Schema }> } }>>(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const content = op.requestBody ? Object.entries(op.requestBody.content)[0] : undefined;
        ops.push({ method: method.toUpperCase(), path, params: (op.parameters ?? []).filter((p) => p.in !== 'header'), body: content && { type: content[0], schema: content[1].schema } });
      }
    }
    assert.ok(ops.length > 30, `the OpenAPI document lists ${ops.length} operations`);
  });
  afterAll(() => app?.close());

  /** Row counts of every table a request could write to, plus the values a PATCH or PUT could change. */
  async function snapshot(): Promise<string> {
    const tables: { table_name: string }[] = await app.ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
          AND table_name !~ '(session|login_failure|audit|migrations|settings|throttl|rate_limit)' ORDER BY 1`,
    );
    const parts = [];
    for (const { table_name } of tables) parts.push(`${table_name}=${(await app.ds.query(`SELECT count(*)::int AS n FROM "${table_name}"`))[0].n}`);
    const [{ users }] = await app.ds.query(`SELECT string_agg(id::text || role || active::text, ',' ORDER BY id) AS users FROM users`);
    const [{ drafts }] = await app.ds.query(`SELECT string_agg(slug || md5(draft::text) || coalesce(published_version_id::text, ''), ',' ORDER BY slug) AS drafts FROM courses`);
    return `${parts.join(' ')} ${users} ${drafts}`;
  }

  const rolesFor = (op: Operation): Role[] =>
    op.path.startsWith('/api/auth/') ? ['anonymous']
    : op.path.startsWith('/api/admin/') ? ['admin', 'author', 'admin', 'author', 'learner', 'anonymous']
    : ['learner', 'learner', 'anonymous'];

  function fillPath(op: Operation, hostileParams: Record<string, string> = {}) {
    let path = op.path;
    for (const p of op.params.filter((x) => x.in === 'path')) {
      const value = hostileParams[p.name] ?? (p.name === 'id' && op.path.startsWith('/api/admin/users') ? real.userId : real[p.name] ?? 'x');
      path = path.replace(`{${p.name}}`, hostileParams[p.name] !== undefined ? value : encodeURIComponent(value));
    }
    return path;
  }

  function bodyFor(op: Operation): fc.Arbitrary<{ raw?: string; json?: unknown; type?: string; note?: string }> {
    const ref = op.body?.schema?.$ref?.split('/').pop();
    const schema = ref ? schemas[ref] : op.body?.schema;
    const props = Object.entries(schema?.properties ?? {});
    const base: Record<string, unknown> = {};
    for (const [k, s] of props) base[k] = s.enum?.[0] ?? (s.type === 'string' ? (k === 'email' ? 'fuzz@example.org' : 'text value') : s.type === 'boolean' ? true : s.type === 'array' ? [] : s.type === 'object' ? {} : 1);
    const options: fc.Arbitrary<{ raw?: string; json?: unknown; type?: string; note?: string }>[] = [
      rawText.map((raw) => ({ raw })),
      hostile.map((json) => ({ json })),
      fc.tuple(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !(k in base) && k !== '__proto__'), hostile).map(([k, v]) => ({ json: { ...base, [k]: v } })),
    ];
    if (props.length) {
      options.push(fc.constantFrom(...props).chain(([k, s]) => wrongFor(s).map((v) => ({ json: { ...base, [k]: v } }))));
      options.push(fc.constantFrom(...props).chain(([k, s]) => wrongFor(s).map((v) => ({ json: { ...base, [k]: v } }))));
    }
    if (op.body?.schema?.type === 'object' && !ref) {
      options.push(brokenDocument(draft), brokenDocument(draft));
    }
    if (op.body?.type && op.body.type !== 'application/json') {
      options.push(fc.uint8Array({ maxLength: 2000 }).map((b) => ({ raw: Buffer.from(b).toString('latin1'), type: op.body!.type })));
    }
    return fc.oneof(...options);
  }

  async function send(role: Role, method: string, path: string, body?: { raw?: string; json?: unknown; type?: string }) {
    const agent = agents[role] as ReturnType<typeof request>;
    let req = agent[method.toLowerCase() as 'post'](path);
    if (body) {
      req = req.set('Content-Type', body.type ?? 'application/json');
      req = req.send(body.raw !== undefined ? (body.type ? Buffer.from(body.raw, 'latin1') : body.raw) : JSON.stringify(body.json === undefined ? null : body.json));
    }
    const res = await req.ok(() => true);
    return res;
  }

  async function pool<T>(items: T[], fn: (item: T) => Promise<void>) {
    let next = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await fn(items[next++]);
    }));
  }

  it(`sends ≥ ${BODIES} malformed bodies over every route that takes one: 0 × 5xx, nothing stored`, async () => {
    const bodyOps = ops.filter((o) => o.body);
    // Bodies also go to the state-changing routes that take none, with hostile params so they cannot succeed.
    const postOps = ops.filter((o) => !o.body && o.method !== 'GET' && o.params.length);
    const perOp = Math.ceil(BODIES / (bodyOps.length + postOps.length));
    const failures: string[] = [];
    let sent = 0;
    for (const op of [...bodyOps, ...postOps]) {
      const before = await snapshot();
      const roles = rolesFor(op);
      const bodies = fc.sample(bodyFor(op), { numRuns: perOp, seed: 8 + sent });
      const params = fc.sample(badParam, { numRuns: perOp, seed: 80 + sent });
      let ok = 0;
      // An empty body is a well-formed "change nothing" where no field is required (PATCH /api/me): it may be
      // accepted, and the snapshot still proves it stored nothing.
      const ref = op.body?.schema?.$ref?.split('/').pop();
      const schema = ref ? schemas[ref] : op.body?.schema;
      const emptyIsValid = op.method === 'PATCH' && !!schema && !(schema.required?.length);
      const isEmpty = (b: { raw?: string; json?: unknown }) =>
        (b.raw !== undefined && b.raw.trim() === '') || (b.json !== null && typeof b.json === 'object' && !Array.isArray(b.json) && Object.keys(b.json).length === 0);
      await pool(bodies.map((b, i) => i), async (i) => {
        const hostileParams = op.body ? {} : Object.fromEntries(op.params.filter((p) => p.in === 'path').map((p) => [p.name, encode(params[i])]));
        const role = roles[i % roles.length];
        const res = await send(role, op.method, fillPath(op, hostileParams), bodies[i]);
        sent++;
        if (res.status >= 500) failures.push(`${res.status} ${role} ${op.method} ${op.path} ${JSON.stringify(bodies[i]).slice(0, 300)}`);
        else if (res.status < 400) {
          if (emptyIsValid && isEmpty(bodies[i])) return;
          ok++;
          failures.push(`accepted ${res.status} ${role} ${op.method} ${op.path} ${bodies[i].note ?? ''} ${JSON.stringify(bodies[i]).slice(0, 100)}`);
        }
        else assert.equal(typeof res.body?.message === 'string' || Array.isArray(res.body?.message), true, `${op.method} ${op.path} ${res.status}: ${res.text.slice(0, 200)}`);
      });
      assert.equal(ok, 0, `${ok} malformed bodies were accepted by ${op.method} ${op.path}: ${failures.join('\n')}`);
      assert.equal(await snapshot(), before, `${op.method} ${op.path} stored something for a refused body`);
      // The agents are still signed in: no fuzzed request ended a session.
      assert.equal((await agents.admin.get('/api/me')).status, 200);
    }
    assert.deepEqual(failures, [], `${failures.length} × 5xx`);
    assert.ok(sent >= BODIES, `${sent} bodies sent`);
    console.log(`# fuzz: ${sent} bodies over ${bodyOps.length + postOps.length} routes, ${failures.length} × 5xx`);
  });

  it('sends hostile path params and queries to every route that takes them: 0 × 5xx, nothing stored', async () => {
    const before = await snapshot();
    const failures: string[] = [];
    const cases: { role: Role; method: string; path: string }[] = [
      { role: 'anonymous', method: 'GET', path: '/api/courses/%00' },
      { role: 'anonymous', method: 'GET', path: '/api/courses?q=%00' },
      { role: 'admin', method: 'GET', path: '/api/admin/reports/summary?from=2024-02-30' },
      { role: 'admin', method: 'GET', path: '/api/admin/reports/enrollments.csv?to=0000-01-01' },
    ];
    for (const op of ops.filter((o) => o.params.length && o.method === 'GET')) {
      const values = fc.sample(badParam, { numRuns: 24, seed: op.path.length });
      values.forEach((v, i) => {
        const target = op.params[i % op.params.length];
        const roles = rolesFor(op);
        const path = target.in === 'path' ? fillPath(op, { [target.name]: encode(v) }) : `${fillPath(op)}?${target.name}=${encode(v)}`;
        cases.push({ role: roles[i % roles.length], method: op.method, path });
      });
    }
    await pool(cases, async (c) => {
      const res = await send(c.role, c.method, c.path);
      if (res.status >= 500) failures.push(`${res.status} ${c.role} ${c.method} ${c.path.slice(0, 200)}`);
    });
    assert.deepEqual(failures, [], `${failures.length} × 5xx`);
    for (const c of cases.slice(0, 4)) assert.equal((await send(c.role, c.method, c.path)).status, 400, c.path);
    assert.equal(await snapshot(), before);
    console.log(`# fuzz: ${cases.length} hostile paths and queries, ${failures.length} × 5xx`);
  });
});

