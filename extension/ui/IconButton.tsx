import type { ReactNode } from 'react';

interface Props {
  /** What the button does, for screen readers. */
  label: string;
  /** The tooltip: the label, plus its keyboard shortcut where it has one. */
  title?: string;
  onClick: () => void;
  children: ReactNode;
}

/** A compact icon-only button with an accessible name. */
export function IconButton({ label, title, onClick, children }: Props) {
  return (
    <button type="button" className="icon-button" onClick={onClick} title={title ?? label} aria-label={label}>
      {children}
    </button>
  );
}
