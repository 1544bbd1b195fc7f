import type { Request } from 'express';
import type { UserEntity } from '../users/user.entity';

declare module 'express-session' {
  interface SessionData {
    userId?: string;
  }
}

export type AuthedRequest = Request & { user: UserEntity };

export function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
}

export function destroy(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.destroy((err) => (err ? reject(err) : resolve())));
}
