import { useChat } from '@ai-sdk/react';
import { lastAssistantMessageIsCompleteWithApprovalResponses } from 'ai';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { AssistantSummary } from '../../shared/assistants';
import type { PageContext } from '../../shared/page-context';
import type { ExtensionAction } from '../actions/types';
import { createChatTransport } from '../lib/chat-transport';
import { friendlyError } from '../lib/errors';
import { t } from '../lib/i18n';
import { workerUrlSetting } from '../lib/settings';
import { SiteAccessOffer } from '../site-access/SiteAccessOffer';
import { AccountMenu } from './AccountMenu';
import { AssistantBar } from './AssistantBar';
import { CaptureChip } from './CaptureChip';
import { Composer } from './Composer';
import { DraftEmail } from './DraftEmail';
import { EmptyState } from './EmptyState';
import { ErrorNotice } from './ErrorNotice';
import { HistoryPanel } from './HistoryPanel';
import { HistoryIcon } from './history-icons';
import { useAuth } from './hooks/useAuth';
import { ConversationLink, useConversation } from './hooks/useConversation';
import { useFeatures } from './hooks/useFeatures';
import { usePageContext } from './hooks/usePageContext';
import { usePanelAssistants } from './hooks/usePanelAssistants';
import { useQuickActions } from './hooks/useQuickActions';
import { useStickToBottom } from './hooks/useStickToBottom';
import { useStoppedAnswers } from './hooks/useStoppedAnswers';
import { useStoredValue } from './hooks/useStoredValue';
import { useTheme } from './hooks/useTheme';
import { IconButton } from './IconButton';
import { PlusIcon, SettingsIcon } from './icons';
import { preloadMarkdown } from './Markdown';
import { MessageList } from './MessageList';
import { QuickActions } from './QuickActions';
import { SignInCard } from './SignInCard';
import type { QuestionMetadata } from './UserMessage';

/** The side panel: what was captured, the conversation, and the composer. */
export function App() {
  useTheme();
  const [workerUrl] = useStoredValue(workerUrlSetting);
  const capture = usePageContext();
  const auth = useAuth();
  const link = useMemo(() => new ConversationLink(), []);
  const transport = useMemo(() => createChatTransport('/v1/chat', link), [link]);
  const stopped = useStoppedAnswers();
  const { messages, sendMessage, status, stop, error, regenerate, clearError, setMessages, addToolApprovalResponse } =
    useChat({
      transport,
      sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,
      onFinish: stopped.onFinish,
    });

  const busy = status === 'submitted' || status === 'streaming';
  const assistants = usePanelAssistants(capture.page);
  const conversation = useConversation({
    link,
    capture: capture.state,
    busy,
    setMessages,
    onReopened: assistants.followConversation,
  });
  const [showHistory, setShowHistory] = useState(false);
  const friendly = friendlyError(error, workerUrl);

  const ask = useCallback(
    (text: string, mentioned?: AssistantSummary) => {
      clearError();
      conversation.claim();
      setShowHistory(false);
      void sendMessage({ text }, { body: { page: capture.page, ...assistants.forQuestion(mentioned) } });
    },
    [sendMessage, clearError, capture.page, conversation.claim, assistants.forQuestion],
  );

  // Once every approval of the answer is answered, the same answer continues (the action runs, or the model
  // hears it was denied), with the page it was asked about.
  const answerApproval = useCallback(
    (approvalId: string, approved: boolean) => {
      clearError();
      const body = { page: capture.page, ...assistants.forContinuation() };
      void addToolApprovalResponse({ id: approvalId, approved, options: { body } });
    },
    [addToolApprovalResponse, clearError, capture.page, assistants.forContinuation],
  );

  const retry = useCallback(() => {
    clearError();
    void regenerate({ body: { page: capture.page, ...assistants.forContinuation() } });
  }, [regenerate, clearError, capture.page, assistants.forContinuation]);

  // After signing in from an error, the question that could not go out is asked again.
  const signInAndRetry = useCallback(async () => {
    if (await auth.signIn()) retry();
  }, [auth.signIn, retry]);
  const needsSignIn = auth.view.status === 'signed-out' || auth.view.status === 'sign-in-again';

  // A summary action streams into the conversation (so the person can ask a follow-up); drafts open DraftEmail.
  const summarize = useCallback(
    (action: ExtensionAction, page: PageContext) => {
      clearError();
      conversation.claim();
      // The selection a summary is about stays beside the request in the panel (folded); it is never sent as text.
      const metadata: QuestionMetadata =
        action.needsSelection && page.selection ? { selection: page.selection.text } : {};
      const assistantId = action.assistantId ? { assistantId: action.assistantId } : {};
      void sendMessage({ text: action.request(page), metadata }, { body: { action: action.id, page, ...assistantId } });
    },
    [sendMessage, clearError, conversation.claim],
  );
  const actions = useQuickActions({ capture, actions: assistants.actions, summarize });
  const features = useFeatures();
  // The conversation follows what appears at its end (the answer, who answered, an error's "Try again"); a draft, the
  // history and the first view (its title, then the suggested questions) read from the top.
  const conversationArea = useRef<HTMLElement>(null);
  const conversing = messages.length > 0 || !!friendly;
  useStickToBottom(conversationArea, conversing && !actions.draft && !showHistory);
  useEffect(() => {
    if (!conversing && conversationArea.current) conversationArea.current.scrollTop = 0;
  }, [conversing]);

  // The answer renderer loads once the panel has shown the page: before, it would compete with reading the page.
  const pageShown = capture.state.status !== 'capturing';
  useEffect(() => {
    if (pageShown) preloadMarkdown();
  }, [pageShown]);

  const newConversation = useCallback(() => {
    void stop();
    clearError();
    setShowHistory(false);
    conversation.startNew();
  }, [stop, clearError, conversation.startNew]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && event.key.toLowerCase() === 'r') {
        event.preventDefault();
        void capture.refresh();
      } else if (event.altKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        newConversation();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [capture.refresh, newConversation]);

  return (
    <div className="app">
      <header className="header">
        <h1 className="brand">Beside</h1>
        <div className="header__actions">
          <AccountMenu auth={auth} />
          <IconButton label={t('history.open')} onClick={() => setShowHistory((shown) => !shown)}>
            <HistoryIcon />
          </IconButton>
          <IconButton
            label={t('panel.newConversation')}
            title={t('panel.newConversationShortcut')}
            onClick={newConversation}
          >
            <PlusIcon />
          </IconButton>
          <IconButton label={t('panel.settings')} onClick={() => browser.runtime.openOptionsPage()}>
            <SettingsIcon />
          </IconButton>
        </div>
      </header>
      <CaptureChip
        state={capture.state}
        onRefresh={capture.refresh}
        onRemove={capture.remove}
        onRestore={capture.restore}
      />
      <SiteAccessOffer capture={capture.state} />
      <QuickActions
        all={assistants.actions}
        page={features.actions ? capture.page : undefined}
        busy={busy}
        notice={actions.notice}
        onRun={actions.run}
        onDismissNotice={actions.dismissNotice}
      />
      <main className="conversation" ref={conversationArea}>
        {showHistory && (
          <HistoryPanel
            currentId={conversation.conversationId}
            onOpen={(id) => {
              void stop();
              clearError();
              setShowHistory(false);
              void conversation.open(id);
            }}
            onDeleted={conversation.deleted}
            onClose={() => setShowHistory(false)}
          />
        )}
        {actions.draft && (
          <DraftEmail
            key={actions.draft.key}
            request={actions.draft}
            workerUrl={workerUrl}
            conversation={link}
            onClose={actions.closeDraft}
          />
        )}
        {needsSignIn && !friendly && <SignInCard auth={auth} />}
        {actions.draft || showHistory ? null : messages.length === 0 && !friendly ? (
          needsSignIn ? null : (
            <EmptyState page={capture.page} onPick={ask} starters={assistants.starters} />
          )
        ) : (
          <MessageList messages={messages} streaming={busy} onApproval={answerApproval} stopped={stopped.ids} />
        )}
        {friendly && (
          <ErrorNotice
            error={friendly}
            onRetry={retry}
            {...(auth.canSignIn ? { onSignIn: signInAndRetry, signingIn: auth.busy } : {})}
          />
        )}
        {status === 'ready' && messages.length > 0 && !friendly && !showHistory && (
          <div className="after-answer">
            <button type="button" className="link-button" onClick={retry}>
              {t('panel.regenerate')}
            </button>
          </div>
        )}
      </main>
      <AssistantBar catalog={assistants.catalog} choice={assistants.choice} />
      <Composer busy={busy} onSend={ask} onStop={() => void stop()} assistants={assistants.choice.assistants} />
    </div>
  );
}
