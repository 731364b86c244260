/**
 * Every roll-up table of the console migrations (migrations/*_console*.sql), kept by triggers from usage_events
 * and feedback. The seeder empties and rebuilds them after a bulk load; the worker's property test compares them
 * with a rebuild from the raw rows. A roll-up missing here is neither rebuilt nor checked.
 */
export const ROLLUPS = [
  'usage_daily',
  'usage_daily_people',
  'usage_daily_group_people',
  'usage_daily_ttft',
  'usage_daily_questions',
  'usage_day_people',
  'usage_daily_active',
  'usage_people',
  'usage_group_people',
  'usage_assistant_people',
  'usage_daily_groups',
  'feedback_daily',
  'feedback_daily_groups',
  'usage_daily_gaps',
  'usage_window_people',
  'usage_window_group_people',
  'usage_daily_ttft_percentiles',
] as const;
