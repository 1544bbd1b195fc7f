import { NotFoundException } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Route ids that cannot exist are simply not found. */
export function notFound(what: string): NotFoundException {
  return new NotFoundException(`${what} not found.`);
}
