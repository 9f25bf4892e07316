import { FormControl, FormGroup, Validators } from '@angular/forms';
import {
  type ArchiveSettings,
  type LogApiAccess,
  RETENTION_MONTHS_MAX,
  type UpdateArchiveSettingsRequest,
} from '@integron/contracts';

/** Keep everything, or only the last so many whole months. */
export type RetentionMode = 'forever' | 'months';

/** Months offered when retention is first switched on. */
export const DEFAULT_RETENTION_MONTHS = 12;

export type ArchiveSettingsForm = ReturnType<typeof archiveSettingsForm>;

export function archiveSettingsForm() {
  return new FormGroup({
    retention: new FormControl<RetentionMode>('forever', { nonNullable: true }),
    months: new FormControl<number | null>(
      { value: DEFAULT_RETENTION_MONTHS, disabled: true },
      {
        validators: [
          Validators.required,
          Validators.min(1),
          Validators.max(RETENTION_MONTHS_MAX),
          Validators.pattern(/^\d+$/),
        ],
      },
    ),
    logApiAccess: new FormControl<LogApiAccess>('public', { nonNullable: true }),
  });
}

/** Shows `settings` in the form, as saved. */
export function resetArchiveSettingsForm(
  form: ArchiveSettingsForm,
  settings: ArchiveSettings,
): void {
  const keepsMonths = settings.retentionMonths !== null;
  form.reset({
    retention: keepsMonths ? 'months' : 'forever',
    months: settings.retentionMonths ?? DEFAULT_RETENTION_MONTHS,
    logApiAccess: settings.logApiAccess,
  });
  syncMonthsControl(form);
}

/** The months field counts only while retention is on. */
export function syncMonthsControl(form: ArchiveSettingsForm): void {
  const months = form.controls.months;
  if (form.controls.retention.value === 'months') {
    months.enable({ emitEvent: false });
  } else {
    months.disable({ emitEvent: false });
  }
}

export function settingsRequest(form: ArchiveSettingsForm): UpdateArchiveSettingsRequest {
  const value = form.getRawValue();
  return {
    retentionMonths: value.retention === 'months' ? Number(value.months) : null,
    logApiAccess: value.logApiAccess,
  };
}

/** Whether saving `next` drops archived months that `current` keeps. */
export function dropsMonths(current: number | null, next: number | null): boolean {
  return next !== null && (current === null || next < current);
}
