import { useTranslation } from '@caremap/ui';
import { ConfLink } from '../ConfLink';
import { caseTimelinePath } from '../route';

/** A case_ref as a code that opens the case's timeline. */
export function CaseRefLink({ caseRef }: { caseRef: string }) {
  const { t } = useTranslation();
  return (
    <ConfLink
      href={caseTimelinePath(caseRef)}
      className="tl-case-link"
      title={t('caseTimeline.caseLink', { caseRef })}
    >
      <code className="cm-mono">{caseRef}</code>
    </ConfLink>
  );
}
