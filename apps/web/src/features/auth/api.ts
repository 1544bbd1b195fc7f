import type { InstitutionType, Language, UserDto } from '@ecampus/contracts';
import { ApiError, http } from '../../lib/http';

export interface RegisterBody {
  email: string;
  password: string;
  name: string;
  country: string;
  institution: string;
  institutionType: InstitutionType;
  position?: string;
  gender?: string;
  language?: Language;
}

/** The signed-in user, or null when signed out (the API answers 401). */
export async function getMe(signal?: AbortSignal): Promise<UserDto | null> {
  try {
    return await http<UserDto>('/api/me', { signal, expect401: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function postLogin(body: { email: string; password: string }): Promise<{ user: UserDto }> {
  return http('/api/auth/login', { method: 'POST', body, expect401: true });
}

export function postRegister(body: RegisterBody): Promise<{ user: UserDto }> {
  return http('/api/auth/register', { method: 'POST', body });
}

export function postLogout(): Promise<void> {
  return http('/api/auth/logout', { method: 'POST', expect401: true });
}
