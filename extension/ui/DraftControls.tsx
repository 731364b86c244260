import { type ActionOptions, type Length, lengths, type Tone, tones } from '../../shared/actions';

/** Languages offered in the menu; the default follows the thread, and the worker accepts any language name. */
const LANGUAGES = ['English', 'French', 'German', 'Spanish', 'Italian', 'Portuguese', 'Dutch', 'Japanese', 'Chinese'];

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

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
        <span className="draft__label">Tone</span>
        <select
          value={options.tone}
          disabled={disabled}
          onChange={(event) => onChange({ ...options, tone: event.target.value as Tone })}
        >
          {tones.map((tone) => (
            <option key={tone} value={tone}>
              {capitalise(tone)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="draft__label">Length</span>
        <select
          value={options.length}
          disabled={disabled}
          onChange={(event) => onChange({ ...options, length: event.target.value as Length })}
        >
          {lengths.map((length) => (
            <option key={length} value={length}>
              {capitalise(length)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="draft__label">Language</span>
        <select
          value={options.language ?? ''}
          disabled={disabled}
          onChange={(event) => {
            const { language: _, ...rest } = options;
            onChange(event.target.value ? { ...rest, language: event.target.value } : rest);
          }}
        >
          <option value="">Auto</option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {language}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
