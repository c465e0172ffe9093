import { useEffect, useState } from 'react';
import { revealField } from '../../api/persons';
import type { RevealField } from '../../api/types';

/** How long a revealed value stays in clear on the screen. */
export const REVEAL_SECONDS = 60;

interface Revealed {
  value: string;
  until: number;
}

/**
 * One protected value of a person: asks the server for it (with a reason, audited), keeps it for
 * REVEAL_SECONDS with a countdown, then forgets it. Nothing is cached beyond this component.
 */
export function useReveal(personId: string, field: RevealField) {
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!revealed) return;
    const timer = setInterval(() => {
      const at = Date.now();
      setNow(at);
      if (at >= revealed.until) setRevealed(null);
    }, 250);
    return () => clearInterval(timer);
  }, [revealed]);

  const reveal = async (reason: string) => {
    const value = await revealField(personId, field, reason);
    const at = Date.now();
    setNow(at);
    setRevealed({ value, until: at + REVEAL_SECONDS * 1000 });
  };

  return {
    value: revealed?.value ?? null,
    secondsLeft: revealed ? Math.max(0, Math.ceil((revealed.until - now) / 1000)) : 0,
    reveal,
    hide: () => setRevealed(null),
  };
}
