import type { AssistantRow, AssistantsReport, ReportWindow } from '../../shared/admin';
import { costOf, MODEL_PRICES } from './prices';
import { rows } from './rows';
import { ratio } from './window';

const TOP_QUESTIONS = 10;

/** The Assistants page: usage, people, errors, tokens and cost per model, rating, and the most asked questions. */
export async function assistantsReport(db: D1Database, window: ReportWindow): Promise<AssistantsReport> {
  const [usage, people, ratings, questions] = await db.batch([
    db
      .prepare(
        `SELECT assistant, model, sum(requests) AS requests, sum(errors) AS errors, sum(tokens_in) AS tokensIn,
                sum(tokens_out) AS tokensOut
         FROM usage_daily WHERE day BETWEEN ?1 AND ?2 GROUP BY assistant, model`,
      )
      .bind(window.from, window.to),
    db
      .prepare(
        `SELECT p.assistant, count(*) AS people FROM usage_assistant_people p
         WHERE EXISTS (SELECT 1 FROM usage_daily_people d
                       WHERE d.assistant = p.assistant AND d.person = p.person AND d.day BETWEEN ?1 AND ?2)
         GROUP BY p.assistant`,
      )
      .bind(window.from, window.to),
    db
      .prepare(
        'SELECT assistant, sum(up) AS up, sum(down) AS down FROM feedback_daily WHERE day BETWEEN ?1 AND ?2 GROUP BY assistant',
      )
      .bind(window.from, window.to),
    db
      .prepare(
        `SELECT assistant, question, sum(asked) AS count FROM usage_daily_questions
         WHERE day BETWEEN ?1 AND ?2 GROUP BY assistant, question ORDER BY count DESC, question`,
      )
      .bind(window.from, window.to),
  ]);

  type Usage = {
    assistant: string;
    model: string;
    requests: number;
    errors: number;
    tokensIn: number;
    tokensOut: number;
  };
  const byAssistant = new Map<string, AssistantRow>();
  const row = (assistant: string): AssistantRow => {
    let entry = byAssistant.get(assistant);
    if (!entry) {
      entry = {
        assistant,
        requests: 0,
        people: 0,
        errors: 0,
        tokensIn: 0,
        tokensOut: 0,
        costUsd: 0,
        thumbsUp: 0,
        thumbsDown: 0,
        thumbsUpRate: null,
        models: [],
        topQuestions: [],
      };
      byAssistant.set(assistant, entry);
    }
    return entry;
  };
  for (const usageRow of rows<Usage>(usage)) {
    const entry = row(usageRow.assistant);
    entry.requests += usageRow.requests;
    entry.errors += usageRow.errors;
    entry.tokensIn += usageRow.tokensIn;
    entry.tokensOut += usageRow.tokensOut;
    const cost = costOf(usageRow.model, usageRow.tokensIn, usageRow.tokensOut);
    entry.costUsd = entry.costUsd === null || cost === null ? null : entry.costUsd + cost;
    if (usageRow.model !== '') {
      entry.models.push({
        model: usageRow.model,
        requests: usageRow.requests,
        tokensIn: usageRow.tokensIn,
        tokensOut: usageRow.tokensOut,
        costUsd: cost,
      });
    }
  }
  for (const peopleRow of rows<{ assistant: string; people: number }>(people))
    row(peopleRow.assistant).people = peopleRow.people;
  for (const rating of rows<{ assistant: string; up: number; down: number }>(ratings)) {
    const entry = row(rating.assistant);
    entry.thumbsUp = rating.up;
    entry.thumbsDown = rating.down;
    entry.thumbsUpRate = ratio(rating.up, rating.up + rating.down);
  }
  const questionRows = rows<{ assistant: string; question: string; count: number }>(questions);
  for (const question of questionRows) {
    const entry = row(question.assistant);
    if (entry.topQuestions.length < TOP_QUESTIONS)
      entry.topQuestions.push({ question: question.question, count: question.count });
  }
  for (const entry of byAssistant.values()) entry.models.sort((a, b) => b.requests - a.requests);

  return {
    window,
    assistants: [...byAssistant.values()].sort(
      (a, b) => b.requests - a.requests || a.assistant.localeCompare(b.assistant),
    ),
    prices: [...MODEL_PRICES],
    questionsLogged: questionRows.length > 0,
  };
}
