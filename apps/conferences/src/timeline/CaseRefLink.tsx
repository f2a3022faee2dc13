import { ConfLink } from '../ConfLink';
import { caseTimelinePath } from '../route';
import { useT } from '../translate';

/** A case_ref as a code that opens the case's timeline. */
export function CaseRefLink({ caseRef }: { caseRef: string }) {
  const { t } = useT();
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
