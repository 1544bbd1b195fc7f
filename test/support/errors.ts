import assert from 'node:assert/strict';
import type { Response } from 'supertest';

/** Asserts the contract's error body, and that the message mentions `mentions` when given. */
export function assertError(res: Response, status: number, mentions?: string | RegExp) {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  assert.equal(res.body.statusCode, status);
  assert.equal(typeof res.body.error, 'string');
  assert.ok(typeof res.body.message === 'string' || Array.isArray(res.body.message), 'message is a string or a list');
  if (mentions) {
    const text = ([] as string[]).concat(res.body.message).join(' | ');
    if (typeof mentions === 'string') assert.ok(text.includes(mentions), `message "${text}" should mention "${mentions}"`);
    else assert.match(text, mentions);
  }
}
