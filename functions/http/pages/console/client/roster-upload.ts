import type { Employee } from '../../../../core/model';
import type { Answer, ApiError } from './api';
import { currentSession } from './session';
import { lang } from './state';

/** The import's answers, as the API documents them (routes/employees.ts, import-schemas.ts). */
export interface PlannedChange {
  readonly line: number;
  readonly kind: 'new' | 'changed' | 'deactivated';
  readonly employeeId: string;
  readonly before: Employee | null;
  readonly after: Employee;
  readonly fields: readonly string[];
}

export interface Preview {
  readonly dryRun: true;
  readonly total: number;
  readonly created: number;
  readonly updated: number;
  readonly deactivated: number;
  readonly unchanged: number;
  readonly changes: readonly PlannedChange[];
  readonly errors: readonly { line: number; errors: readonly string[] }[];
  readonly badLines: number;
}

export interface Applied {
  readonly total: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The route's body limit (MAX_IMPORT_BYTES): a bigger file is refused before it is sent. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export function fileType(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx') || file.type === XLSX_TYPE) return XLSX_TYPE;
  if (name.endsWith('.csv') || name.endsWith('.txt') || file.type === 'text/csv') return 'text/csv';
  return null;
}

/**
 * POST /v1/employees/import with the file's bytes as they are (the server reads Excel's
 * encodings and workbooks itself). XMLHttpRequest rather than fetch: it reports the upload's
 * progress, which a long import shows.
 */
export function sendImport<T>(
  file: File,
  dryRun: boolean,
  onProgress?: (sent: number, total: number) => void,
): Promise<Answer<T>> {
  return new Promise((resolve) => {
    const session = currentSession();
    if (!session) {
      resolve({ ok: false, status: 401, error: { code: 'UNAUTHORIZED', message: '' } });
      return;
    }
    const url = new URL('/v1/employees/import', location.href);
    if (dryRun) url.searchParams.set('dryRun', 'true');
    url.searchParams.set('lang', lang.value);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('authorization', `Bearer ${session.accessToken}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', fileType(file) ?? 'text/csv');
    xhr.responseType = 'text';
    if (onProgress) xhr.upload.onprogress = (e) => onProgress(e.loaded, e.total || file.size);
    xhr.onerror = () => resolve({ ok: false, status: 0, error: { code: 'NETWORK', message: '' } });
    xhr.onload = () => {
      let json: Record<string, unknown> | null = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {}
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve({ ok: true, status: xhr.status, body: json as T, headers: new Headers() });
        return;
      }
      const error = json?.error as { code?: string; message?: string } | undefined;
      resolve({
        ok: false,
        status: xhr.status,
        error: error?.code ? (error as ApiError) : { code: `HTTP_${xhr.status}`, message: '' },
      });
    };
    xhr.send(file);
  });
}
