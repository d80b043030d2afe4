import { useCallback, useEffect, useState } from 'react';
import { publicApi, type FormOptions } from './public.api';

type State = { kind: 'loading' } | { kind: 'ready'; options: FormOptions } | { kind: 'failed'; error: unknown };

/** The form's categories, zones and (for an embedded entry) the platform, with a retry. */
export function useFormOptions(platform: string | null) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    publicApi
      .formOptions(platform)
      .then((options) => live && setState({ kind: 'ready', options }))
      .catch((error: unknown) => live && setState({ kind: 'failed', error }));
    return () => {
      live = false;
    };
  }, [platform, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
