import type { InstitutionType, Language, OutboxMessageDto, PreferencesDto, UserDto } from '@ecampus/contracts';
import { ApiError, http } from '../../lib/http';

export interface ProfileBody {
  name?: string;
  institution?: string;
  institutionType?: InstitutionType;
  position?: string | null;
  gender?: string | null;
  language?: Language;
  country?: string;
  remindersEnabled?: boolean;
}

export const patchMe = (body: ProfileBody) => http<UserDto>('/api/me', { method: 'PATCH', body });
export const getPreferences = () => http<PreferencesDto>('/api/me/preferences');
export const postPassword = (body: { currentPassword: string; newPassword: string }) => http<void>('/api/me/password', { method: 'POST', body });
export const postEmailChange = (body: { email: string; password: string }) => http<{ message: string }>('/api/me/email', { method: 'POST', body });
export const postEmailConfirm = (token: string) => http<{ user: UserDto }>('/api/me/email/confirm', { method: 'POST', body: { token }, expect401: true });
export const postForgot = (email: string) => http<{ message: string }>('/api/auth/forgot-password', { method: 'POST', body: { email }, expect401: true });
export const postReset = (body: { token: string; password: string }) => http<void>('/api/auth/reset-password', { method: 'POST', body, expect401: true });
export const deleteMe = (password: string) => http<void>('/api/me', { method: 'DELETE', body: { password } });
export const getOutbox = (signal?: AbortSignal) => http<OutboxMessageDto[]>('/api/admin/outbox', { signal });

/** The token of a mailed link: it travels in the URL fragment (#token=…), never sent to a server. */
export function tokenFromLocation(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}

/** The API names the field first in each message ("newPassword is …"): file each message under its field. */
export function fieldErrors<F extends string>(error: unknown, fields: readonly F[]): Partial<Record<F | 'form', string>> {
  const out: Partial<Record<F | 'form', string>> = {};
  const list = error instanceof ApiError ? error.messages : [];
  for (const message of list) {
    const field = fields.find((f) => message.startsWith(`${f} `)) ?? 'form';
    out[field] = out[field] ? `${out[field]} ${message}` : message;
  }
  return out;
}
