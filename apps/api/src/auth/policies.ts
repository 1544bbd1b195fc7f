import {
  applyDecorators, CanActivate, ExecutionContext, ForbiddenException, Injectable, SetMetadata, UnauthorizedException, UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiCookieAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@ecampus/contracts';
import { notFound } from '../common/errors';
import type { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import type { AuthedRequest } from './session';

/**
 * Every authorization rule of the API, in one place. A route names the action it needs with `@Allow(action)`;
 * services that decide inside a transaction call the same functions. The README's role table mirrors this file.
 */
export const ACTIONS = {
  /** The studio: list courses, create a course, import course files. */
  'studio:use': { roles: ['author', 'admin'], course: null },
  /** Read or change one course's draft and everything about it (versions, changes, editors, assets, export, preview). */
  'course:edit': { roles: ['author', 'admin'], course: 'edit' },
  /** Give the course to other authors: its owner and admins. */
  'course:choose-editors': { roles: ['author', 'admin'], course: 'own' },
  /** Enrolment, completion and certificate counts; authors see only the courses they edit. */
  'report:aggregate': { roles: ['author', 'admin'], course: null },
  /** One row per enrolment with the learner's name and email. */
  'report:learners': { roles: ['admin'], course: null },
  'certificate:revoke': { roles: ['admin'], course: null },
  'audit:read': { roles: ['admin'], course: null },
  'user:manage': { roles: ['admin'], course: null },
} as const satisfies Record<string, { roles: readonly Role[]; course: 'edit' | 'own' | null }>;

export type Action = keyof typeof ACTIONS;

/** The fields of a course a rule looks at. */
export interface CourseRef {
  id: string;
  ownerId: string | null;
}

export function roleAllows(user: Pick<UserEntity, 'role'>, action: Action): boolean {
  return (ACTIONS[action].roles as readonly Role[]).includes(user.role);
}

/** Admins edit every course; authors the courses they created or were given. */
export async function canEditCourse(user: Pick<UserEntity, 'id' | 'role'>, course: CourseRef, m: EntityManager): Promise<boolean> {
  if (user.role === 'admin') return true;
  if (user.role !== 'author') return false;
  if (course.ownerId === user.id) return true;
  const rows = await m.query(`SELECT 1 FROM course_editors WHERE course_id = $1 AND user_id = $2`, [course.id, user.id]);
  return rows.length > 0;
}

/** Only the owner and admins choose who else edits a course. */
export function canChooseEditors(user: Pick<UserEntity, 'id' | 'role'>, course: CourseRef): boolean {
  return user.role === 'admin' || (user.role === 'author' && course.ownerId === user.id);
}

/**
 * The translation groups whose aggregate reports this user may read: null means every group (admins).
 * A group counts when the user may edit one of its languages.
 */
export async function reportScope(user: Pick<UserEntity, 'id' | 'role'>, m: EntityManager): Promise<string[] | null> {
  if (user.role === 'admin') return null;
  const rows: { translation_key: string }[] = await m.query(
    `SELECT DISTINCT c.translation_key FROM courses c
      WHERE c.owner_id = $1 OR EXISTS (SELECT 1 FROM course_editors e WHERE e.course_id = c.id AND e.user_id = $1)`,
    [user.id],
  );
  return rows.map((r) => r.translation_key);
}

export function forbidden(action: Action): ForbiddenException {
  const messages: Record<Action, string> = {
    'studio:use': 'Only authors and admins can use the studio.',
    'course:edit': 'Only its owner, the authors it was given to, and admins can open or change this course.',
    'course:choose-editors': 'Only the course owner and admins choose its editors.',
    'report:aggregate': 'Only authors and admins can read reports.',
    'report:learners': 'Only admins can download learner-level reports; use ?groupBy= for totals.',
    'certificate:revoke': 'Only admins can revoke certificates.',
    'audit:read': 'Only admins can read the audit log.',
    'user:manage': 'Only admins manage accounts.',
  };
  return new ForbiddenException(messages[action]);
}

/** Throws 403 unless the user's role allows the action (for rules that depend on the request, such as ?groupBy=). */
export function assertAllowed(user: Pick<UserEntity, 'role'>, action: Action): void {
  if (!roleAllows(user, action)) throw forbidden(action);
}

const ACTION = 'ecampus:action';

export type PolicyRequest = AuthedRequest & { course?: CourseRef; policyChecked?: Action };

/** Signs the user in from the session (401), then applies the action's rule (403), loading `:slug`'s course when it needs one. */
@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly users: UsersService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<PolicyRequest>();
    const action = this.reflector.getAllAndOverride<Action | undefined>(ACTION, [context.getHandler(), context.getClass()]);
    if (!action || req.policyChecked === action) return true;
    if (!req.user) {
      const userId = req.session?.userId;
      const user = userId ? await this.users.findActive(userId) : null;
      if (!user) throw new UnauthorizedException('Sign in first.');
      req.user = user;
    }
    const user = req.user;
    if (!roleAllows(user, action)) throw forbidden(action);
    const rule = ACTIONS[action].course;
    if (rule) {
      const slug = String(req.params.slug ?? '');
      const [row]: { id: string; owner_id: string | null }[] = await this.ds.query(`SELECT id, owner_id FROM courses WHERE slug = $1`, [slug]);
      if (!row) throw notFound('Course');
      const course = { id: row.id, ownerId: row.owner_id };
      const ok = rule === 'own' ? canChooseEditors(user, course) : await canEditCourse(user, course, this.ds.manager);
      if (!ok) throw forbidden(action);
      req.course = course;
    }
    req.policyChecked = action;
    return true;
  }
}

/** Requires a signed-in user whom the rule of `action` allows (on the course of `:slug` when the action is about one). */
export function Allow(action: Action) {
  const roles = ACTIONS[action].roles.join(' or ');
  const course = ACTIONS[action].course;
  return applyDecorators(
    SetMetadata(ACTION, action),
    UseGuards(PolicyGuard),
    ApiCookieAuth(),
    ApiUnauthorizedResponse({ description: 'Not signed in.' }),
    ApiForbiddenResponse({
      description: course === 'edit' ? `Needs edit rights on the course (its owner, an author it was given to, or an admin).`
        : course === 'own' ? 'Needs to own the course, or be an admin.' : `Needs the role ${roles}.`,
    }),
  );
}
