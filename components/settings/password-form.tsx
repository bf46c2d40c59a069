'use client';
// Changing the password: the current one, the new one typed twice. Checked here with the same
// schema as the server (lib/validations/auth.ts), then PUT /api/v1/me/password, whose problems
// are shown next to their field. The account's other sessions end; this one stays signed in.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { ApiError, apiFetch, errorMessage } from '@/lib/api/client';
import { changePasswordSchema, PASSWORD_MIN_LENGTH } from '@/lib/validations/auth';
import { FormError } from '@/components/ui/form-error';
import { useAction } from '@/components/ui/use-action';

type FieldName = 'currentPassword' | 'newPassword' | 'confirmation';
type FieldErrors = Partial<Record<FieldName, string>>;

const FIELD_ORDER: FieldName[] = ['currentPassword', 'newPassword', 'confirmation'];

function isFieldName(value: string): value is FieldName {
  return (FIELD_ORDER as string[]).includes(value);
}

/** `[{ path, message }]` (the API's 422 details, or zod issues) → the first message per field. */
function fieldErrorsOf(issues: { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (isFieldName(field) && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

function detailsOf(error: ApiError): { path: string; message: string }[] {
  if (!Array.isArray(error.details)) return [];
  return error.details.flatMap((item: unknown) =>
    typeof item === 'object' &&
    item !== null &&
    'path' in item &&
    'message' in item &&
    typeof item.path === 'string' &&
    typeof item.message === 'string'
      ? [{ path: item.path, message: item.message }]
      : [],
  );
}

export function PasswordForm() {
  const router = useRouter();
  const t = useTranslations('settings.passwordForm');
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [success, setSuccess] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  /** Shows the problems and puts the keyboard on the first field that has one. */
  function showFieldErrors(errors: FieldErrors) {
    setFieldErrors(errors);
    const first = FIELD_ORDER.find((field) => errors[field]);
    const input = first ? formRef.current?.elements.namedItem(first) : null;
    if (input instanceof HTMLInputElement) input.focus();
  }

  const save = useAction(
    async (input: { currentPassword: string; newPassword: string }) => {
      const result = await apiFetch<{ changed: boolean; otherSessionsRevoked: number }>(
        '/api/v1/me/password',
        { method: 'PUT', body: JSON.stringify(input) },
      );
      setCurrentPassword('');
      setNewPassword('');
      setConfirmation('');
      setSuccess(t('changed', { count: result.otherSessionsRevoked }));
      // The list of open sessions below has just lost the others.
      router.refresh();
    },
    {
      // A problem with a field is shown next to it; anything else above the button.
      message: (e) => {
        if (e instanceof ApiError && e.code === 'invalid_credentials') {
          showFieldErrors({ currentPassword: e.message });
          return null;
        }
        if (e instanceof ApiError && e.code === 'validation_failed') {
          const serverErrors = fieldErrorsOf(detailsOf(e));
          if (Object.keys(serverErrors).length > 0) {
            showFieldErrors(serverErrors);
            return null;
          }
        }
        return errorMessage(e);
      },
    },
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.clearError();
    setSuccess(null);
    const input = { currentPassword, newPassword };
    const parsed = changePasswordSchema.safeParse(input);
    const errors: FieldErrors = parsed.success
      ? {}
      : fieldErrorsOf(
          parsed.error.issues.map((issue) => ({
            path: issue.path.map(String).join('.'),
            message: issue.message,
          })),
        );
    if (confirmation !== newPassword) {
      errors.confirmation = t('mismatch');
    }
    if (Object.keys(errors).length > 0) {
      showFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    void save.run(input);
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" noValidate>
      <Field label={t('current')} error={fieldErrors.currentPassword}>
        <TextInput
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
          required
          aria-invalid={!!fieldErrors.currentPassword}
        />
      </Field>
      <Field
        label={t('new')}
        hint={t('newHint', { min: PASSWORD_MIN_LENGTH })}
        error={fieldErrors.newPassword}
      >
        <TextInput
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={(event) => setNewPassword(event.target.value)}
          minLength={PASSWORD_MIN_LENGTH}
          required
          aria-invalid={!!fieldErrors.newPassword}
        />
      </Field>
      <Field label={t('confirmation')} error={fieldErrors.confirmation}>
        <TextInput
          name="confirmation"
          type="password"
          autoComplete="new-password"
          value={confirmation}
          onChange={(event) => setConfirmation(event.target.value)}
          required
          aria-invalid={!!fieldErrors.confirmation}
        />
      </Field>
      <FormError message={save.error} />
      {/* Always in the page, so screen readers announce the message when it appears. */}
      <div role="status">
        {success ? (
          <p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{success}</p>
        ) : null}
      </div>
      <Button type="submit" disabled={save.pending}>
        {save.pending ? t('saving') : t('submit')}
      </Button>
    </form>
  );
}
