import type { NextFunction, Request, Response } from 'express';
import type { UserEntity } from '../users/user.entity';

declare module 'express-session' {
  interface SessionData {
    userId?: string;
    /** When the user signed in (ms since epoch): the absolute session limit counts from here. */
    signedInAt?: number;
  }
}

export type AuthedRequest = Request & { user: UserEntity };

/** A new session id (no fixation) that starts its absolute lifetime now. */
export function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.regenerate((err) => {
      if (err) return reject(err);
      req.session.signedInAt = Date.now();
      resolve();
    }),
  );
}

export function destroy(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.destroy((err) => (err ? reject(err) : resolve())));
}

/**
 * Ends a signed-in session older than `maxHours` in total, whatever its activity (ASVS V3.3.1–2); the idle limit is
 * the cookie's and the store's expiry, renewed on each request. A session from before this rule gets its clock now.
 */
export function sessionLifetime(maxHours: number) {
  const maxMs = maxHours * 3600_000;
  return (req: Request, _res: Response, next: NextFunction) => {
    const s = req.session;
    if (!s?.userId) return next();
    if (typeof s.signedInAt !== 'number') {
      s.signedInAt = Date.now();
      return next();
    }
    if (Date.now() - s.signedInAt <= maxMs) return next();
    s.destroy((err) => next(err));
  };
}
