import { useEffect, useState } from 'react';
import { managedPolicy } from '../../lib/settings';
import { type ManagedPolicy, NO_POLICY } from '../../policy/managed-policy';

/** The organisation's policy for this browser; no policy until read (and when there is none). */
export function useManagedPolicy(): ManagedPolicy {
  const [policy, setPolicy] = useState<ManagedPolicy>(NO_POLICY);
  useEffect(() => {
    let active = true;
    managedPolicy().then((value) => active && setPolicy(value));
    return () => {
      active = false;
    };
  }, []);
  return policy;
}
