import { z } from 'zod';

/**
 * A language name ("French", "Deutsch", "pt-BR"), as a person writes it for a draft or IT sets it as the default.
 * Its own module: the managed policy reads it on the way to every capture, without the schemas of actions and chat.
 */
export const LanguageName = z
  .string()
  .trim()
  .regex(/^[\p{L}][\p{L} ()-]{1,39}$/u, 'A language name such as "French" or "pt-BR"');
