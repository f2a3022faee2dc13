import { type RouterOutputs, useMutation, useQuery, useQueryClient, useTRPC } from '@caremap/api-client';
import {
  apiErrorDetails,
  Button,
  currentLanguage,
  formatDateTime,
  QueryState,
  useTranslation,
  type ValidationIssue,
} from '@caremap/ui';
import { feedbackLetterDraftInput } from '@caremap/validators';
import { useState } from 'react';
import { Field } from './Field';
import { fieldErrorsOf } from './form-errors';

type Listing = RouterOutputs['feedbackLetter']['list'];
type Letter = Listing['letters'][number];
type Locale = 'hu' | 'cs' | 'tr' | 'en';
const LOCALES: Locale[] = ['hu', 'cs', 'tr', 'en'];

/**
 * Written feedback to the partner institutions of a conference: the letters (PDF in the
 * recipient's language on the agency's letterhead), a draft form, and "recorded as sent".
 */
export function LettersPanel({ conferenceId }: { conferenceId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const list = useQuery(trpc.feedbackLetter.list.queryOptions({ conferenceId }));
  const [editing, setEditing] = useState<Letter | 'new' | null>(null);
  return (
    <section className="conf-letters" aria-labelledby="conf-letters-title">
      <h2 id="conf-letters-title" className="conf-subtitle">
        {t('conferenceFollowUp.lettersTitle')}
      </h2>
      <p className="conf-muted">{t('conferenceFollowUp.lettersIntro')}</p>
      <QueryState query={list} failed={t('conferenceFollowUp.lettersFailed')} as="h3">
        {(data) => (
          <>
            {data.letters.length === 0 ? (
              <p className="conf-note conf-note--muted">{t('conferenceFollowUp.lettersEmpty')}</p>
            ) : (
              <ul className="conf-letter-list">
                {data.letters.map((letter) => (
                  <LetterRow
                    key={letter.id}
                    letter={letter}
                    conferenceId={conferenceId}
                    canEdit={data.canEdit}
                    onEdit={() => setEditing(letter)}
                  />
                ))}
              </ul>
            )}
            {editing ? (
              <LetterForm
                conferenceId={conferenceId}
                recipients={data.recipients}
                letter={editing === 'new' ? undefined : editing}
                onDone={() => setEditing(null)}
              />
            ) : data.canDraft ? (
              data.recipients.length ? (
                <div className="conf-actions">
                  <Button variant="secondary" onClick={() => setEditing('new')}>
                    {t('conferenceFollowUp.newLetter')}
                  </Button>
                </div>
              ) : (
                <p className="conf-muted">{t('conferenceFollowUp.noRecipients')}</p>
              )
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}

function LetterRow(props: { letter: Letter; conferenceId: string; canEdit: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const language = currentLanguage();
  const { letter } = props;
  const markSent = useMutation(
    trpc.feedbackLetter.markSent.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.feedbackLetter.list.pathKey() }),
    }),
  );
  const sent = letter.status === 'sent';
  return (
    <li className={`conf-letter${sent ? '' : ' conf-letter--draft'}`}>
      <div className="conf-letter__head">
        <strong>{letter.subject}</strong>
        <span className={`cm-badge${sent ? '' : ' cm-badge--muted'}`}>
          {t(sent ? 'conferenceFollowUp.statusSent' : 'conferenceFollowUp.statusDraft')}
        </span>
      </div>
      <p className="conf-muted">
        {t('conferenceFollowUp.to', { name: letter.recipient.name })} · {t(`language.${letter.language}`)}
        {sent && letter.sentAt
          ? ` · ${t('conferenceFollowUp.sentBy', {
              when: formatDateTime(letter.sentAt, language),
              name: letter.sentByName ?? '',
            })}`
          : ''}
      </p>
      <div className="conf-letter__actions">
        <a className="cm-link" href={letter.pdfPath} target="_blank" rel="noopener">
          {t('conferenceFollowUp.downloadPdf')}
          <span className="cm-visually-hidden"> – {letter.recipient.name}</span>
        </a>
        <a className="cm-link" href={letter.pdfPath} download>
          {t('conferenceFollowUp.savePdf')}
          <span className="cm-visually-hidden"> – {letter.recipient.name}</span>
        </a>
        {props.canEdit && !sent ? (
          <>
            <Button variant="secondary" onClick={props.onEdit}>
              {t('conferenceFollowUp.editLetter')}
            </Button>
            <Button busy={markSent.isPending} onClick={() => markSent.mutate({ letterId: letter.id })}>
              {t('conferenceFollowUp.markSent')}
            </Button>
          </>
        ) : null}
      </div>
      {markSent.isError ? (
        <p className="conf-form__alert" role="alert">
          {t('conferenceFollowUp.markSentFailed')}: {apiErrorDetails(markSent.error, t).message}
        </p>
      ) : null}
    </li>
  );
}

function LetterForm(props: {
  conferenceId: string;
  recipients: Listing['recipients'];
  letter: Letter | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { letter } = props;
  const [recipientId, setRecipientId] = useState(letter?.recipient.id ?? props.recipients[0]?.id ?? '');
  const recipient = props.recipients.find((r) => r.id === recipientId);
  const [language, setLanguage] = useState<Locale | ''>(letter?.language ?? '');
  const [subject, setSubject] = useState(letter?.subject ?? '');
  const [body, setBody] = useState(letter?.body ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.feedbackLetter.list.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.conference.dashboard.pathKey() });
    props.onDone();
  };
  const onError = (error: unknown) => setErrors(serverErrors(error, t));
  const draft = useMutation(trpc.feedbackLetter.draft.mutationOptions({ onSuccess: done, onError }));
  const edit = useMutation(trpc.feedbackLetter.edit.mutationOptions({ onSuccess: done, onError }));
  const busy = draft.isPending || edit.isPending;
  const chosenLanguage: Locale = language || (letter?.language ?? recipient?.language ?? 'en');

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const input = {
      conferenceId: props.conferenceId,
      ...(recipient?.kind === 'organization'
        ? { organizationId: recipientId }
        : recipient
          ? { partnerInstitutionId: recipientId }
          : {}),
      language: chosenLanguage,
      subject,
      body,
    };
    const checked = feedbackLetterDraftInput.safeParse(input);
    if (!checked.success) {
      setErrors(fieldErrorsOf(checked.error.issues as ValidationIssue[], t));
      return;
    }
    setErrors({});
    if (letter) edit.mutate({ letterId: letter.id, language: chosenLanguage, subject, body });
    else draft.mutate(checked.data);
  };

  const general = errors[''];
  return (
    <form
      className="conf-form conf-letter-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="conf-letter-form-title"
    >
      <h3 id="conf-letter-form-title">
        {t(letter ? 'conferenceFollowUp.editTitle' : 'conferenceFollowUp.newTitle')}
      </h3>
      <Field
        id="letter-recipient"
        label={t('conferenceFollowUp.recipient')}
        error={errors.partnerInstitutionId}
      >
        {(control) => (
          <select
            {...control}
            value={recipientId}
            disabled={!!letter}
            onChange={(e) => {
              setRecipientId(e.target.value);
              setLanguage('');
            }}
          >
            {props.recipients.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="letter-language"
        label={t('conferenceFollowUp.letterLanguage')}
        hint={t('conferenceFollowUp.letterLanguageHint')}
        error={errors.language}
      >
        {(control) => (
          <select {...control} value={chosenLanguage} onChange={(e) => setLanguage(e.target.value as Locale)}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="letter-subject" label={t('conferenceFollowUp.subject')} error={errors.subject}>
        {(control) => (
          <input {...control} value={subject} maxLength={300} onChange={(e) => setSubject(e.target.value)} />
        )}
      </Field>
      <Field
        id="letter-body"
        label={t('conferenceFollowUp.body')}
        hint={t('conferenceFollowUp.bodyHint')}
        error={errors.body}
      >
        {(control) => (
          <textarea {...control} rows={8} value={body} onChange={(e) => setBody(e.target.value)} />
        )}
      </Field>
      {general ? (
        <p className="conf-form__alert" role="alert">
          {general}
        </p>
      ) : null}
      <div className="conf-actions">
        <Button type="submit" busy={busy}>
          {t(letter ? 'conferenceFollowUp.saveDraft' : 'conferenceFollowUp.createDraft')}
        </Button>
        <Button variant="secondary" type="button" onClick={props.onDone}>
          {t('conferenceFollowUp.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** Server refusals next to their field where they name one, else as one message for the form. */
function serverErrors(error: unknown, t: ReturnType<typeof useTranslation>['t']): Record<string, string> {
  const details = apiErrorDetails(error, t);
  const fields = details.fieldErrors ?? {};
  return Object.keys(fields).length ? fields : { '': details.message };
}
