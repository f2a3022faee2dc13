import { describeIssue, type useTranslation, type ValidationIssue } from '@caremap/ui';

type TFunction = ReturnType<typeof useTranslation>['t'];

/**
 * zod issues (from the shared validator in the browser, or from the server's `zodIssues`) as one
 * translated problem per field path ("participants.2.email"), for showing next to that field.
 * Problems the generic wording would blur (a name typed as case code) get their own sentence.
 */
export function fieldErrorsOf(issues: ReadonlyArray<ValidationIssue>, t: TFunction): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (path in out) continue;
    out[path] = problemOf(issue, path, t);
  }
  return out;
}

function problemOf(issue: ValidationIssue, path: string, t: TFunction): string {
  const last = path.split('.').at(-1) ?? '';
  if (path === 'caseRef') {
    return issue.code === 'custom' || issue.code === 'invalid_type'
      ? t('errors.field.required')
      : t('conferences.errCaseRef');
  }
  if (path === 'scheduleBy') return t('conferences.errDeadline');
  if (path === 'candidateRoomIds') return t('conferences.errRooms');
  if (path === 'interpreterRequired') return t('conferences.errInterpreter');
  if (path === 'durationMinutes') return t('conferences.errDuration');
  if (path === 'participants' && issue.code === 'too_small') return t('conferences.errNoParticipants');
  if (/^quorum\.\d+\.participants/.test(path)) return t('conferences.errPool');
  if (last === 'userId' && issue.code === 'custom') return t('conferences.errTwice');
  if (last === 'userId') return t('errors.field.required');
  if (last === 'agencyId') return t('errors.field.required');
  if (last === 'email' && issue.code === 'custom') return t('conferences.errReach');
  if (last === 'phone') return t('conferences.errPhone');
  return describeIssue(issue, t);
}
