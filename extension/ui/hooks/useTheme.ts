import { useEffect } from 'react';
import { type ThemePreference, themeSetting } from '../../lib/settings';
import { useStoredValue } from './useStoredValue';

/** Applies the theme to <html>: `system` follows prefers-color-scheme through CSS alone. */
export function useTheme(): ThemePreference {
  const [theme] = useStoredValue(themeSetting);
  const preference = theme ?? 'system';
  useEffect(() => {
    document.documentElement.dataset.theme = preference;
  }, [preference]);
  return preference;
}
