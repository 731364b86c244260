import { useEffect, useState } from 'react';

/** Chart colours per colour scheme: SVG attributes cannot read CSS variables everywhere, so they come from here. */
const palettes = {
  light: {
    grid: '#d9dde3',
    axis: '#5b6470',
    series: ['#2557d6', '#1a7f4b', '#b42318', '#9a6700', '#7c3aed'],
    tooltip: '#ffffff',
  },
  dark: {
    grid: '#2e353f',
    axis: '#9aa4b1',
    series: ['#7aa2ff', '#4cc38a', '#ff7b72', '#e3b341', '#c4a5ff'],
    tooltip: '#1a1e24',
  },
};
export type Palette = (typeof palettes)['light'];

export function usePalette(): Palette {
  const query = '(prefers-color-scheme: dark)';
  const [dark, setDark] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const media = matchMedia(query);
    const onChange = () => setDark(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  return dark ? palettes.dark : palettes.light;
}
