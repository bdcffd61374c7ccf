/**
 * What every surface's contract shares: the Result envelope, error codes and the work item.
 * The UI imports the contracts with `import type` only; the backend maps domain values to these DTOs.
 */
export type ErrorCode = 'INVALID_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'UNAVAILABLE' | 'UNCONFIRMED' | 'INTERNAL';

export interface AppError {
  code: ErrorCode;
  message: string;
  /** With CONFLICT: the part someone else changed, its current value and the record's revision. */
  conflict?: { part: string; current: unknown; rev: number };
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export type StatusCategory = 'new' | 'indeterminate' | 'done';

export interface PersonDto {
  accountId: string;
  displayName: string;
  avatarUrl: string | null;
}

export interface PersonRefDto {
  accountId: string;
  displayName: string;
}

export interface WorkItemDto {
  key: string;
  summary: string;
  issueType: { name: string; hierarchyLevel: number; iconUrl: string | null };
  status: { name: string; category: StatusCategory };
  assignee: PersonDto | null;
  parentKey: string | null;
  fixVersions: Array<{ name: string; releaseDate: string | null }>;
  team: string | null;
  flagged: boolean;
}

export const TSHIRT_SIZE_DTOS = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;
export type TShirtSize = (typeof TSHIRT_SIZE_DTOS)[number];
export type TShirtScaleDto = Record<TShirtSize, { low: number; high: number }>;

export interface ProjectSettingsDto {
  architects: PersonRefDto[];
  tshirtScale: TShirtScaleDto;
  divergenceThresholdPct: number;
}
