import { type ActionOptions, type Length, lengths, type Tone, tones } from '../../shared/actions';
import { t } from '../lib/i18n';

/**
 * Languages offered in the menu; the default follows the thread, and the worker accepts any language name. The
 * value sent is the English name (what the instructions say), the label is in the person's language.
 */
const LANGUAGES: readonly [string, () => string][] = [
  ['English', () => t('draft.languages.english')],
  ['French', () => t('draft.languages.french')],
  ['German', () => t('draft.languages.german')],
  ['Spanish', () => t('draft.languages.spanish')],
  ['Italian', () => t('draft.languages.italian')],
  ['Portuguese', () => t('draft.languages.portuguese')],
  ['Dutch', () => t('draft.languages.dutch')],
  ['Japanese', () => t('draft.languages.japanese')],
  ['Chinese', () => t('draft.languages.chinese')],
];

const toneLabels: Record<Tone, () => string> = {
  friendly: () => t('draft.tones.friendly'),
  formal: () => t('draft.tones.formal'),
  concise: () => t('draft.tones.concise'),
};
const lengthLabels: Record<Length, () => string> = {
  short: () => t('draft.lengths.short'),
  medium: () => t('draft.lengths.medium'),
  long: () => t('draft.lengths.long'),
};

interface Props {
  options: ActionOptions;
  disabled: boolean;
  onChange: (options: ActionOptions) => void;
}

/** Tone, length and language of the draft; the change applies when the person regenerates. */
export function DraftControls({ options, disabled, onChange }: Props) {
  return (
    <div className="draft__controls">
      <label>
        <span className="draft__label">{t('draft.tone')}</span>
        <select
          value={options.tone}
          disabled={disabled}
          onChange={(event) => onChange({ ...options, tone: event.target.value as Tone })}
        >
          {tones.map((tone) => (
            <option key={tone} value={tone}>
              {toneLabels[tone]()}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="draft__label">{t('draft.length')}</span>
        <select
          value={options.length}
          disabled={disabled}
          onChange={(event) => onChange({ ...options, length: event.target.value as Length })}
        >
          {lengths.map((length) => (
            <option key={length} value={length}>
              {lengthLabels[length]()}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="draft__label">{t('draft.language')}</span>
        <select
          value={options.language ?? ''}
          disabled={disabled}
          onChange={(event) => {
            const { language: _, ...rest } = options;
            onChange(event.target.value ? { ...rest, language: event.target.value } : rest);
          }}
        >
          <option value="">{t('draft.auto')}</option>
          {LANGUAGES.map(([language, label]) => (
            <option key={language} value={language}>
              {label()}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
