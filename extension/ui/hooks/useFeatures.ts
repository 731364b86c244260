import { useEffect, useState } from 'react';
import { ALL_FEATURES, currentFeatures, type Features } from '../../policy/features';

/** The organisation's feature switches, read once per panel (the server config is cached for five minutes). */
export function useFeatures(): Features {
  const [features, setFeatures] = useState<Features>(ALL_FEATURES);
  useEffect(() => {
    let live = true;
    void currentFeatures().then((value) => {
      if (live) setFeatures(value);
    });
    return () => {
      live = false;
    };
  }, []);
  return features;
}
