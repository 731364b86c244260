import { useEffect } from 'react';
import { type ThemePreference, themeSetting } from '../../lib/settings';
import { effectiveTheme } from '../../policy/effective-settings';
import { useManagedPolicy } from './useManagedPolicy';
import { useStoredValue } from './useStoredValue';

/**
 * Applies the theme to <html>: `system` follows prefers-color-scheme through CSS alone. The organisation's default
 * applies until the person picks one, and always when it locks the theme.
 */
export function useTheme(): ThemePreference {
  const [theme] = useStoredValue(themeSetting);
  const policy = useManagedPolicy();
  const preference = effectiveTheme(theme === 'system' ? null : (theme ?? null), policy).value;
  useEffect(() => {
    document.documentElement.dataset.theme = preference;
  }, [preference]);
  return preference;
}
