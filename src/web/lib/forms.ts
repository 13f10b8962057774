import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.ts';

type NamePath = (string | number)[];

/**
 * Put the server's field errors (`errors[].field`, dot paths like `flags.chainCore`) on the form's fields.
 * `rename` maps an API field to the form field that edits it (revenueFen → revenueWan); return null to skip one.
 * Returns the errors that found no field, so the caller can show them with the overall message.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  rename: (field: string) => string | null = (field) => field,
): { mapped: number; unmapped: string[] } {
  if (!(error instanceof ApiError)) return { mapped: 0, unmapped: [] };
  const registered = new Set(
    form
      .getFieldsError()
      .map((f) => f.name.join('.'))
      .filter(Boolean),
  );
  const byField = new Map<string, string[]>();
  const unmapped: string[] = [];
  for (const e of error.errors) {
    const target = rename(e.field);
    if (target && registered.has(target)) {
      byField.set(target, [...(byField.get(target) ?? []), e.message]);
    } else {
      unmapped.push(e.message);
    }
  }
  form.setFields([...byField.entries()].map(([field, errors]) => ({ name: field.split('.') as NamePath, errors })));
  return { mapped: byField.size, unmapped };
}

/** Clear the server errors left on the fields by an earlier attempt. */
export function clearFieldErrors(form: FormInstance): void {
  form.setFields(
    form
      .getFieldsError()
      .filter((f) => f.errors.length > 0)
      .map((f) => ({ name: f.name, errors: [] })),
  );
}
