import type { Role, UserDto } from '@ecampus/contracts';
import { http, withQuery } from '../../lib/http';

/** A user as admins see them (apps/api/src/users/users-admin.controller.ts). */
export type AdminUser = UserDto & { active: boolean; createdAt: string };

export interface UsersPage {
  users: AdminUser[];
  total: number;
  page: number;
  pageSize: number;
}

export interface UserFilters {
  q?: string;
  role?: Role;
  page?: number;
}

export const usersKey = (filters: UserFilters) =>
  withQuery('/api/admin/users', { q: filters.q, role: filters.role, page: filters.page && filters.page > 1 ? String(filters.page) : undefined });

export function getUsers(filters: UserFilters, signal?: AbortSignal): Promise<UsersPage> {
  return http(usersKey(filters), { signal });
}

export function patchUser(id: string, change: { role?: Role; active?: boolean }): Promise<AdminUser> {
  return http(`/api/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: change });
}
