/** Icons of the conversation history, drawn with the shared inline-SVG frame (no font needed). */
import { Icon } from './icons';

export const HistoryIcon = () => (
  <Icon>
    <path d="M2.5 8a5.5 5.5 0 1 0 1.6-3.9M2.5 2.5v3h3" strokeLinecap="round" strokeLinejoin="round" />
    <path d="M8 5.2V8l2 1.6" strokeLinecap="round" strokeLinejoin="round" />
  </Icon>
);

export const PencilIcon = () => (
  <Icon>
    <path d="M10.5 3l2.5 2.5L6 12.5H3.5V10z" strokeLinejoin="round" />
  </Icon>
);

export const TrashIcon = () => (
  <Icon>
    <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 8.5h5.6l.7-8.5" strokeLinecap="round" strokeLinejoin="round" />
  </Icon>
);
