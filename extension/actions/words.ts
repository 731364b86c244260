import type { BuiltInQuickActionId } from '../../shared/built-in-quick-actions';
import { t } from '../lib/i18n';

/**
 * The built-in quick actions in the browser's language: the button and menu label, the person's side of the
 * conversation when they only clicked, and the browser command's description (a manifest message, since Chrome shows
 * it in its own shortcuts page). Only words: what each action is and does is in shared/built-in-quick-actions.ts; the
 * type makes a built-in without words fail to compile. Functions, so the language is read when they are shown.
 */
export interface ActionWords {
  label(): string;
  /** Our own words only: the user turn sits outside the delimited page block, so nothing from the page goes here. */
  request(): string;
  command: `__MSG_${string}__`;
}

export const actionWords = {
  'follow-up-email': {
    label: () => t('actions.followUpEmail.label'),
    request: () => t('actions.followUpEmail.request'),
    command: '__MSG_actions_followUpEmail_command__',
  },
  'ticket-reply': {
    label: () => t('actions.ticketReply.label'),
    request: () => t('actions.ticketReply.request'),
    command: '__MSG_actions_ticketReply_command__',
  },
  'account-brief': {
    label: () => t('actions.accountBrief.label'),
    request: () => t('actions.accountBrief.request'),
    command: '__MSG_actions_accountBrief_command__',
  },
  'meeting-to-crm': {
    label: () => t('actions.meetingToCrm.label'),
    request: () => t('actions.meetingToCrm.request'),
    command: '__MSG_actions_meetingToCrm_command__',
  },
  'summarize-page': {
    label: () => t('actions.summarizePage.label'),
    request: () => t('actions.summarizePage.request'),
    command: '__MSG_actions_summarizePage_command__',
  },
  'summarize-selection': {
    label: () => t('actions.summarizeSelection.label'),
    request: () => t('actions.summarizeSelection.request'),
    command: '__MSG_actions_summarizeSelection_command__',
  },
  'improve-writing': {
    label: () => t('actions.improveWriting.label'),
    request: () => t('actions.improveWriting.request'),
    command: '__MSG_actions_improveWriting_command__',
  },
} satisfies Record<BuiltInQuickActionId, ActionWords>;

export function wordsFor(id: string): ActionWords | undefined {
  return Object.hasOwn(actionWords, id) ? actionWords[id as BuiltInQuickActionId] : undefined;
}
