import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';

interface Props {
  to: string;
  icon?: ReactNode;
  word: ReactNode;
  hint?: ReactNode;
  primary?: boolean;
  /** Before the page opens (e.g. to fetch a request afresh). */
  onOpen?: () => void;
  testId: string;
}

/**
 * One task as one big button (a whole row, ≥ 96 px high): a word in large type and a plain hint
 * under it. A link for what it does (it opens a page), so the phone's reader says so.
 */
export function BigButton({ to, icon, word, hint, primary, onOpen, testId }: Props) {
  const navigate = useNavigate();
  return (
    <a
      href={to}
      className={primary ? 'elder-big-button primary' : 'elder-big-button'}
      onClick={(event) => {
        event.preventDefault();
        onOpen?.();
        navigate(to);
      }}
      data-testid={testId}
    >
      {icon && (
        <span className="elder-big-icon" aria-hidden="true">
          {icon}
        </span>
      )}
      <span>
        <span className="elder-big-word">{word}</span>
        {hint && <span className="elder-big-hint">{hint}</span>}
      </span>
    </a>
  );
}
