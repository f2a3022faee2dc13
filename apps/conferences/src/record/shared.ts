import { type RouterOutputs, useQueryClient, useTRPC } from '@caremap/api-client';
import { intlLocale } from '@caremap/ui';
import type { AgendaTemplateKey } from '@caremap/validators';

export type MeetingRecord = RouterOutputs['record']['get'];
export type AgendaEntry = MeetingRecord['agenda'][number];
export type ActionItemRow = MeetingRecord['actionItems'][number];

/** Refetches the record (and the lists that show action items) after a write. */
export function useRefreshRecord(conferenceId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.record.get.queryKey({ conferenceId }) });
    await queryClient.invalidateQueries({ queryKey: trpc.actionItems.mine.queryKey() });
  };
}

/** A date-only value (YYYY-MM-DD) in the reader's way of writing dates; no zone shifts it. */
export function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** Catalog key of every agenda template item; a new template key fails the type check here. */
export const agendaTemplateLabelKey = {
  welcome: 'meetingRecord.agendaTemplate.welcome',
  purpose: 'meetingRecord.agendaTemplate.purpose',
  case_summary: 'meetingRecord.agendaTemplate.case_summary',
  agency_reports: 'meetingRecord.agendaTemplate.agency_reports',
  child_views: 'meetingRecord.agendaTemplate.child_views',
  risks_strengths: 'meetingRecord.agendaTemplate.risks_strengths',
  plan_responsibilities: 'meetingRecord.agendaTemplate.plan_responsibilities',
  previous_actions: 'meetingRecord.agendaTemplate.previous_actions',
  case_update: 'meetingRecord.agendaTemplate.case_update',
  options: 'meetingRecord.agendaTemplate.options',
  agreements: 'meetingRecord.agendaTemplate.agreements',
  information_sharing: 'meetingRecord.agendaTemplate.information_sharing',
  private_family_time: 'meetingRecord.agendaTemplate.private_family_time',
  family_plan: 'meetingRecord.agendaTemplate.family_plan',
  plan_agreement: 'meetingRecord.agendaTemplate.plan_agreement',
  review_arrangements: 'meetingRecord.agendaTemplate.review_arrangements',
  signals_overview: 'meetingRecord.agendaTemplate.signals_overview',
  cooperation: 'meetingRecord.agendaTemplate.cooperation',
  information_exchange: 'meetingRecord.agendaTemplate.information_exchange',
  goals_progress: 'meetingRecord.agendaTemplate.goals_progress',
  services_review: 'meetingRecord.agendaTemplate.services_review',
  family_views: 'meetingRecord.agendaTemplate.family_views',
  plan_changes: 'meetingRecord.agendaTemplate.plan_changes',
  next_meeting: 'meetingRecord.agendaTemplate.next_meeting',
  closing: 'meetingRecord.agendaTemplate.closing',
} as const satisfies Record<AgendaTemplateKey, string>;

export const actionStatusLabelKey = {
  open: 'meetingRecord.statusOpen',
  done: 'meetingRecord.statusDone',
  cancelled: 'meetingRecord.statusCancelled',
} as const;

/** An agenda item's text in the reader's language (template items) or as typed. */
export function agendaText(
  item: Pick<AgendaEntry, 'templateKey' | 'title'>,
  t: (key: never) => string,
): string {
  if (item.templateKey && item.templateKey in agendaTemplateLabelKey) {
    return t(agendaTemplateLabelKey[item.templateKey as AgendaTemplateKey] as never);
  }
  return item.title ?? item.templateKey ?? '';
}
