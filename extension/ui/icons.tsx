/** Inline SVG icons: emoji and symbol glyphs depend on fonts the person may not have. */
import type { ReactNode } from 'react';

export function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      width={14}
      height={14}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}

export const RefreshIcon = () => (
  <Icon>
    <path d="M13.5 8a5.5 5.5 0 1 1-1.6-3.9M13.5 2.5v3h-3" strokeLinecap="round" strokeLinejoin="round" />
  </Icon>
);

export const CloseIcon = () => (
  <Icon>
    <path d="M4 4l8 8M12 4l-8 8" strokeLinecap="round" />
  </Icon>
);

export const PlusIcon = () => (
  <Icon>
    <path d="M8 3v10M3 8h10" strokeLinecap="round" />
  </Icon>
);

export const SettingsIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="2.2" />
    <path
      d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4"
      strokeLinecap="round"
    />
  </Icon>
);

export const PageIcon = () => (
  <Icon>
    <path d="M4 1.5h5.5L12.5 4.5v10h-8.5z M9.5 1.5v3h3" strokeLinejoin="round" />
  </Icon>
);

/** A thumb: up as drawn, down as the same thumb turned over (so both read the same at 14 px). */
function Thumb({ down = false }: { down?: boolean }) {
  return (
    <Icon>
      <g transform={down ? 'rotate(180 8 8)' : undefined} strokeLinejoin="round" strokeLinecap="round">
        <path d="M2 7h2.5v7H2z" />
        <path d="M4.5 7.5l2.7-5.2c1.1 0 1.8.8 1.6 1.9L8.4 6.5h4.1c.9 0 1.5.8 1.3 1.7l-1 4.6c-.2.7-.8 1.2-1.5 1.2H4.5" />
      </g>
    </Icon>
  );
}

export const ThumbUpIcon = () => <Thumb />;
export const ThumbDownIcon = () => <Thumb down />;
