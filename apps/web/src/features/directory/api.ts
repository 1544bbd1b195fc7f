import type { AdminDirectoryEntryDto, DirectoryEntryDto, DirectoryKind } from '@ecampus/contracts';
import { http, withQuery } from '../../lib/http';

export const directoryKey = (country: string, kind?: DirectoryKind) => withQuery('/api/directory', { country, kind });

export function getDirectory(country: string, kind?: DirectoryKind, signal?: AbortSignal): Promise<DirectoryEntryDto[]> {
  return http(directoryKey(country, kind), { signal });
}

export const ADMIN_DIRECTORY_KEY = '/api/admin/directory';

export function getAdminDirectory(signal?: AbortSignal): Promise<AdminDirectoryEntryDto[]> {
  return http(ADMIN_DIRECTORY_KEY, { signal });
}

export type DirectoryEntryInput = Omit<DirectoryEntryDto, 'id' | 'phone' | 'url' | 'hours'> & { phone: string; url: string; hours: string };

export function saveDirectoryEntry(id: string | null, entry: DirectoryEntryInput): Promise<AdminDirectoryEntryDto> {
  return id
    ? http(`${ADMIN_DIRECTORY_KEY}/${encodeURIComponent(id)}`, { method: 'PUT', body: entry })
    : http(ADMIN_DIRECTORY_KEY, { method: 'POST', body: entry });
}

export function deleteDirectoryEntry(id: string): Promise<void> {
  return http(`${ADMIN_DIRECTORY_KEY}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
